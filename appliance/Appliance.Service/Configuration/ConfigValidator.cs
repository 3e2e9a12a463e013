using System.Net;

namespace Appliance.Service.Configuration;

/// <summary>Checks a whole configuration; errors are keyed by JSON path (for ValidationProblem).</summary>
public static partial class ConfigValidator
{
    public static Dictionary<string, string[]> Validate(ApplianceConfig config)
    {
        var errors = new Dictionary<string, string[]>();
        void Add(string key, string message) => errors[key] = [.. errors.GetValueOrDefault(key, []), message];

        if (config.Persona is null || config.Privacy is null || config.Api is null || config.Audio is null || config.Dialog is null)
        {
            Add("config", "persona, privacy, api, audio and dialog sections must not be null");
            return errors;
        }
        ValidatePersona(config.Persona, "persona.", Add);
        if (config.Privacy.RetentionHours is < 1 or > 720)
        {
            Add("privacy.retentionHours", "must be between 1 and 720");
        }
        if (!IPAddress.TryParse(config.Api.BindAddress, out var address))
        {
            Add("api.bindAddress", "must be an IP address");
        }
        else if (!IPAddress.IsLoopback(address) && !config.Api.AllowLan)
        {
            Add("api.bindAddress", "a non-loopback address needs api.allowLan: true (LAN binding is explicit)");
        }
        if (config.Api.AdminPort is < 1 or > 65535)
        {
            Add("api.adminPort", "must be 1..65535");
        }
        if (config.Api.KioskPort is < 1 or > 65535 || config.Api.KioskPort == config.Api.AdminPort)
        {
            Add("api.kioskPort", "must be 1..65535 and differ from adminPort");
        }
        if (config.Api.RateLimitPerMinute is < 1 or > 100_000)
        {
            Add("api.rateLimitPerMinute", "must be 1..100000");
        }
        if (string.IsNullOrWhiteSpace(config.Audio.InputDevice) || string.IsNullOrWhiteSpace(config.Audio.OutputDevice))
        {
            Add("audio", "inputDevice and outputDevice must not be empty");
        }
        if (config.Audio.SampleRate is not (16000 or 44100 or 48000))
        {
            Add("audio.sampleRate", "must be 16000, 44100 or 48000");
        }
        if (config.Audio.Channels is < 1 or > 16)
        {
            Add("audio.channels", "must be 1..16");
        }
        if (config.Audio.Volume is < 0 or > 100)
        {
            Add("audio.volume", "must be 0..100");
        }
        if (config.Dialog.Responder is not ("llm" or "knowledge-base"))
        {
            Add("dialog.responder", "must be 'llm' or 'knowledge-base'");
        }
        if (config.Dialog.MaxReplyTokens is < 8 or > 1024)
        {
            Add("dialog.maxReplyTokens", "must be 8..1024");
        }
        if (config.Dialog.WakeWord is { } wake && !WakeWordName().IsMatch(wake))
        {
            Add("dialog.wakeWord", "must be a keyword name: 1..64 letters, digits, '_', '-' or '.' (e.g. hey_jarvis)");
        }
        return errors;
    }

    public static void ValidatePersona(PersonaConfig persona, string prefix, Action<string, string> add)
    {
        if (string.IsNullOrWhiteSpace(persona.Name) || persona.Name.Length > 64)
        {
            add(prefix + "name", "must be 1..64 characters");
        }
        if (persona.Greeting is null || persona.Greeting.Length > 500)
        {
            add(prefix + "greeting", "must be at most 500 characters");
        }
        if (string.IsNullOrWhiteSpace(persona.SystemPrompt) || persona.SystemPrompt.Length > 4000)
        {
            add(prefix + "systemPrompt", "must be 1..4000 characters");
        }
        if (persona.Language is not ("en" or "zh"))
        {
            add(prefix + "language", "must be 'en' or 'zh'");
        }
        if (string.IsNullOrWhiteSpace(persona.Voice) || persona.Voice.Length > 64)
        {
            add(prefix + "voice", "must be 1..64 characters");
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex("^[A-Za-z0-9_.-]{1,64}$")]
    private static partial System.Text.RegularExpressions.Regex WakeWordName();
}
