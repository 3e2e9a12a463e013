using System.Runtime.InteropServices;

namespace Appliance.Models.EspeakNg.Native;

#pragma warning disable SA1300, IDE1006 // C names, kept so the mirror can be checked against speak_lib.h by eye.

/// <summary>espeak_EVENT_TYPE (speak_lib.h): an int-sized C enum.</summary>
internal enum espeak_EVENT_TYPE
{
    espeakEVENT_LIST_TERMINATED = 0,
    espeakEVENT_WORD = 1,
    espeakEVENT_SENTENCE = 2,
    espeakEVENT_MARK = 3,
    espeakEVENT_PLAY = 4,
    espeakEVENT_END = 5,
    espeakEVENT_MSG_TERMINATED = 6,
    espeakEVENT_PHONEME = 7,
    espeakEVENT_SAMPLERATE = 8,
}

/// <summary>
/// espeak_EVENT of speak_lib.h (API revision 12), field by field. The layout test compiles a C program against
/// the installed header and compares every offset and the size (40 bytes on x86-64).
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct espeak_EVENT
{
    public espeak_EVENT_TYPE type;

    /// <summary>Message identifier from espeak_Synth.</summary>
    public uint unique_identifier;

    /// <summary>Characters from the start of the text.</summary>
    public int text_position;

    /// <summary>Word length in characters (WORD events).</summary>
    public int length;

    /// <summary>Time in ms within the generated speech of this message.</summary>
    public int audio_position;

    /// <summary>Sample index within the message ("internal use" in the header; we check it against audio_position).</summary>
    public int sample;

    public void* user_data;

    public espeak_EVENT_id id;
}

/// <summary>The anonymous union `id` of espeak_EVENT: number (WORD/SENTENCE), name (MARK/PLAY), string[8] (PHONEME).</summary>
[StructLayout(LayoutKind.Explicit, Size = 8)]
internal unsafe struct espeak_EVENT_id
{
    [FieldOffset(0)]
    public int number;

    [FieldOffset(0)]
    public byte* name;

    /// <summary>Phoneme name, UTF-8, NUL-terminated unless it needs all 8 bytes.</summary>
    [FieldOffset(0)]
    public fixed byte @string[8];
}
