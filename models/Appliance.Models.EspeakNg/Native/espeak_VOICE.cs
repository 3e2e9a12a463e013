using System.Runtime.InteropServices;

namespace Appliance.Models.EspeakNg.Native;

#pragma warning disable SA1300, IDE1006 // C names, kept so the mirror can be checked against speak_lib.h by eye.

/// <summary>
/// espeak_VOICE of speak_lib.h, field by field (32 bytes on x86-64): a voice from the voice list, or the
/// selection criteria passed to espeak_SetVoiceByProperties. The layout test compares it with the
/// installed header.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct espeak_VOICE
{
    /// <summary>A given name for the voice (UTF-8).</summary>
    public byte* name;

    /// <summary>As a voice: (priority byte + language) pairs; as criteria: one language, e.g. "en-gb".</summary>
    public byte* languages;

    /// <summary>The file name of the voice within espeak-ng-data/voices.</summary>
    public byte* identifier;

    /// <summary>0 = none, 1 = male, 2 = female.</summary>
    public byte gender;

    /// <summary>0 = not specified, or the age in years.</summary>
    public byte age;

    /// <summary>Only used as a criterion.</summary>
    public byte variant;

    /// <summary>For internal use.</summary>
    public byte xx1;

    /// <summary>For internal use.</summary>
    public int score;

    /// <summary>For internal use.</summary>
    public void* spare;
}
