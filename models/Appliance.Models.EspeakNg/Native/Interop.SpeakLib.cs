using System.Runtime.InteropServices;

namespace Appliance.Models.EspeakNg.Native;

#pragma warning disable SA1300, IDE1006 // C names.

/// <summary>espeak_AUDIO_OUTPUT.</summary>
internal enum espeak_AUDIO_OUTPUT
{
    AUDIO_OUTPUT_PLAYBACK = 0,
    AUDIO_OUTPUT_RETRIEVAL = 1,
    AUDIO_OUTPUT_SYNCHRONOUS = 2,
    AUDIO_OUTPUT_SYNCH_PLAYBACK = 3,
}

/// <summary>espeak_ERROR.</summary>
internal enum espeak_ERROR
{
    EE_OK = 0,
    EE_INTERNAL_ERROR = -1,
    EE_BUFFER_FULL = 1,
    EE_NOT_FOUND = 2,
}

/// <summary>espeak_PARAMETER (the ones we set).</summary>
internal enum espeak_PARAMETER
{
    espeakRATE = 1,
    espeakVOLUME = 2,
    espeakPITCH = 3,
    espeakRANGE = 4,
}

/// <summary>espeak_POSITION_TYPE.</summary>
internal enum espeak_POSITION_TYPE
{
    POS_CHARACTER = 1,
    POS_WORD = 2,
    POS_SENTENCE = 3,
}

/// <summary>
/// speak_lib.h of espeak-ng 1.51 (Debian libespeak-ng1, soname libespeak-ng.so.1). Every function touches the
/// library's global state: call them only from <see cref="EspeakOwner"/>'s thread.
/// </summary>
internal static unsafe partial class SpeakLib
{
    public const string Library = "espeak-ng";

    public const int espeakINITIALIZE_PHONEME_EVENTS = 0x0001;
    public const int espeakINITIALIZE_DONT_EXIT = 0x8000;
    public const uint espeakCHARS_UTF8 = 1;
    public const int espeakRATE_MINIMUM = 80;
    public const int espeakRATE_MAXIMUM = 450;
    public const int espeakRATE_NORMAL = 175;

    /// <summary>int espeak_Initialize(espeak_AUDIO_OUTPUT output, int buflength, const char *path, int options) — the sample rate, or -1.</summary>
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int espeak_Initialize(espeak_AUDIO_OUTPUT output, int buflength, string? path, int options);

    /// <summary>void espeak_SetSynthCallback(t_espeak_callback *SynthCallback) — int cb(short *wav, int numsamples, espeak_EVENT *events).</summary>
    [LibraryImport(Library)]
    public static partial void espeak_SetSynthCallback(delegate* unmanaged<short*, int, espeak_EVENT*, int> callback);

    /// <summary>espeak_ERROR espeak_Synth(const void *text, size_t size, unsigned int position, espeak_POSITION_TYPE position_type,
    /// unsigned int end_position, unsigned int flags, unsigned int *unique_identifier, void *user_data)</summary>
    [LibraryImport(Library)]
    public static partial espeak_ERROR espeak_Synth(byte* text, nuint size, uint position, espeak_POSITION_TYPE position_type,
        uint end_position, uint flags, uint* unique_identifier, void* user_data);

    /// <summary>espeak_ERROR espeak_SetParameter(espeak_PARAMETER parameter, int value, int relative)</summary>
    [LibraryImport(Library)]
    public static partial espeak_ERROR espeak_SetParameter(espeak_PARAMETER parameter, int value, int relative);

    /// <summary>int espeak_GetParameter(espeak_PARAMETER parameter, int current)</summary>
    [LibraryImport(Library)]
    public static partial int espeak_GetParameter(espeak_PARAMETER parameter, int current);

    /// <summary>espeak_ERROR espeak_SetVoiceByName(const char *name)</summary>
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial espeak_ERROR espeak_SetVoiceByName(string name);

    /// <summary>espeak_ERROR espeak_SetVoiceByProperties(espeak_VOICE *voice_spec)</summary>
    [LibraryImport(Library)]
    public static partial espeak_ERROR espeak_SetVoiceByProperties(espeak_VOICE* voice_spec);

    /// <summary>const espeak_VOICE **espeak_ListVoices(espeak_VOICE *voice_spec) — NULL-terminated, in preference order; owned by espeak-ng.</summary>
    [LibraryImport(Library)]
    public static partial espeak_VOICE** espeak_ListVoices(espeak_VOICE* voice_spec);

    /// <summary>const char *espeak_Info(const char **path_data) — the version string; path_data receives the data folder.</summary>
    [LibraryImport(Library)]
    public static partial byte* espeak_Info(byte** path_data);
}
