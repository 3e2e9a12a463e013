using Appliance.Provisioning.Document;

namespace Appliance.Devices;

/// <summary>
/// The devices as the active provisioned configuration describes them (leds.*, gpio.*, audio.*, persona.greeting
/// of versions/current/provisioning.yaml). No file, or a section left out, means that device is not
/// fitted; an unreadable file is reported in <see cref="Problem"/> and treated as no devices.
/// </summary>
public sealed record DeviceSettings(LedSection? Leds, GpioSection? Gpio, string? Greeting, string Source, string? Problem = null, AudioSection? Audio = null, PersonaSection? Persona = null, VoiceSection? Voice = null)
{
    public static DeviceSettings None(string source) => new(null, null, null, source);

    /// <summary>The provisioned document under the service's state dir (/var/lib/appliance/config/current/provisioning.yaml).</summary>
    public static string DefaultPath(string stateDir) => Path.Combine(stateDir, "config", "current", "provisioning.yaml");

    public static DeviceSettings Load(string path)
    {
        if (!File.Exists(path))
        {
            return None(path);
        }
        try
        {
            var document = ProvisioningParser.Parse(File.ReadAllText(path), path);
            return new DeviceSettings(
                document.Leds is { Type: not "none" } leds ? leds : null,
                document.Gpio,
                document.Persona?.Greeting,
                path,
                Audio: document.Audio,
                Persona: document.Persona,
                Voice: document.Voice);
        }
        catch (Exception e) when (e is ProvisioningException or IOException or UnauthorizedAccessException)
        {
            return None(path) with { Problem = e.Message };
        }
    }
}
