namespace Appliance.Provisioning.Document;

// The schema of provisioning.yaml (schema_version 1). Keys are snake_case in YAML; every field is
// documented in the example at the repository root. Unknown keys are errors, so a typo never passes
// silently. Nullable sections are optional: what a stick leaves out keeps the device's current value.

public sealed class ProvisioningDocument
{
    public int SchemaVersion { get; set; }

    public DeviceSection Device { get; set; } = new();

    public PersonaSection? Persona { get; set; }

    public VoiceSection? Voice { get; set; }

    public List<string>? Languages { get; set; }

    public List<ModelEntry>? Models { get; set; }

    public List<string>? Knowledge { get; set; }

    public AudioSection? Audio { get; set; }

    public LedSection? Leds { get; set; }

    public GpioSection? Gpio { get; set; }

    public DisplaySection? Display { get; set; }

    public AdminApiSection? AdminApi { get; set; }

    public PrivacySection? Privacy { get; set; }

    public SafetySection? Safety { get; set; }

    public ScheduleSection? Schedule { get; set; }
}

public sealed class DeviceSection
{
    public string Name { get; set; } = "";

    public string? Site { get; set; }

    public string Locale { get; set; } = "en-US";

    public string TimeZone { get; set; } = "UTC";
}

public sealed class PersonaSection
{
    public string Name { get; set; } = "";

    public string? Style { get; set; }

    public string Language { get; set; } = "en";

    public string? Greeting { get; set; }

    public List<string>? Rules { get; set; }
}

public sealed class VoiceSection
{
    public string Engine { get; set; } = "espeak-ng";

    public string? Voice { get; set; }

    public double Rate { get; set; } = 1.0;

    public double Pitch { get; set; } = 1.0;
}

public sealed class ModelEntry
{
    /// <summary>Path on the stick, relative to the folder holding provisioning.yaml.</summary>
    public string File { get; set; } = "";

    public string Sha256 { get; set; } = "";

    public long Size { get; set; }

    public string? License { get; set; }

    /// <summary>llama, sherpa-onnx, onnxruntime, pocketsphinx, espeak-ng.</summary>
    public string Engine { get; set; } = "";

    /// <summary>llm, asr, tts, vad, wake.</summary>
    public string Role { get; set; } = "";

    /// <summary>Short name shown in status lines, e.g. qwen2.5-1.5b-q4_0.</summary>
    public string? Name { get; set; }
}

public sealed class AudioSection
{
    public string? Capture { get; set; }

    public string? Playback { get; set; }

    public int SampleRate { get; set; } = 16000;

    public MicArraySection? MicArray { get; set; }
}

public sealed class MicArraySection
{
    /// <summary>linear or circular.</summary>
    public string Geometry { get; set; } = "linear";

    public int Channels { get; set; }

    /// <summary>Linear arrays: distance between neighbouring microphones, metres.</summary>
    public double? SpacingM { get; set; }

    /// <summary>Circular arrays: radius, metres.</summary>
    public double? RadiusM { get; set; }

    /// <summary>Channel carrying the array's own processed output, if any (USB arrays with on-board DSP).</summary>
    public int? ProcessedChannel { get; set; }
}

public sealed class LedSection
{
    /// <summary>apa102, sk9822, ws2812 or none.</summary>
    public string Type { get; set; } = "none";

    public string Device { get; set; } = "/dev/spidev0.0";

    public int Count { get; set; }

    public string? Order { get; set; }

    public int Brightness { get; set; } = 31;

    public int ZeroDegreesLed { get; set; }

    public bool Clockwise { get; set; }
}

public sealed class GpioSection
{
    public GpioLine? PushToTalk { get; set; }

    public GpioLine? Mute { get; set; }

    public GpioLine? Presence { get; set; }

    public GpioLine? AmplifierEnable { get; set; }

    /// <summary>After greeting a visitor detected by the presence sensor, no new greeting for this long.</summary>
    public int GreetHoldoffS { get; set; } = 60;

    /// <summary>The amplifier is switched off after playback has been idle this long.</summary>
    public int AmplifierOffAfterS { get; set; } = 10;
}

public sealed class GpioLine
{
    public string Chip { get; set; } = "/dev/gpiochip0";

    public uint Line { get; set; }

    public bool ActiveLow { get; set; }

    public int DebounceMs { get; set; }
}

public sealed class DisplaySection
{
    /// <summary>0, 90, 180 or 270 degrees.</summary>
    public int Rotation { get; set; }

    public string? Output { get; set; }

    public bool Subtitles { get; set; } = true;
}

public sealed class AdminApiSection
{
    /// <summary>loopback (default) or lan.</summary>
    public string Bind { get; set; } = "loopback";

    public int Port { get; set; } = 8443;

    /// <summary>The first admin token as "pbkdf2-sha256$iterations$salt-b64$hash-b64" (never the token itself).</summary>
    public string? AdminTokenHash { get; set; }
}

public sealed class PrivacySection
{
    public bool StoreConversationText { get; set; }

    public int RetentionDays { get; set; } = 7;
}

public sealed class SafetySection
{
    /// <summary>Word-list files on the stick replacing the defaults.</summary>
    public List<string>? Lists { get; set; }

    public string? Deflection { get; set; }
}

public sealed class ScheduleSection
{
    /// <summary>HH:MM-HH:MM in the device's time zone.</summary>
    public string ActiveHours { get; set; } = "00:00-24:00";

    /// <summary>mon..sun; empty = every day.</summary>
    public List<string>? Days { get; set; }
}
