using System.Text.RegularExpressions;

namespace Appliance.Provisioning.Document;

/// <summary>Checks values and cross-references a schema cannot express; collects every problem, not just the first.</summary>
public static partial class DocumentValidator
{
    public static readonly IReadOnlySet<string> Roles = new HashSet<string> { "llm", "asr", "tts", "vad", "wake" };

    /// <summary>Which engines can serve which role.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> EnginesByRole = new Dictionary<string, string[]>
    {
        ["llm"] = ["llama"],
        ["asr"] = ["sherpa-onnx", "pocketsphinx"],
        ["tts"] = ["sherpa-onnx", "espeak-ng"],
        ["vad"] = ["sherpa-onnx"],
        ["wake"] = ["onnxruntime", "sherpa-onnx"],
    };

    public static IReadOnlyList<string> Validate(ProvisioningDocument d)
    {
        var problems = new List<string>();
        void Check(bool ok, string problem)
        {
            if (!ok)
            {
                problems.Add(problem);
            }
        }

        Check(DeviceName().IsMatch(d.Device.Name), "device.name: 1-63 letters, digits or '-' (it becomes the host name)");
        Check(IsTimeZone(d.Device.TimeZone), $"device.time_zone: '{d.Device.TimeZone}' is not a known time zone");
        Check(IsCulture(d.Device.Locale), $"device.locale: '{d.Device.Locale}' is not a locale such as en-US or zh-CN");
        foreach (var lang in d.Languages ?? [])
        {
            Check(lang is "en" or "zh", $"languages: '{lang}' is not supported (en, zh)");
        }
        if (d.Persona is { } p)
        {
            Check(!string.IsNullOrWhiteSpace(p.Name), "persona.name: required");
            Check(p.Language is "en" or "zh", $"persona.language: '{p.Language}' is not supported (en, zh)");
        }
        if (d.Voice is { } v)
        {
            Check(v.Rate is >= 0.5 and <= 2.0, "voice.rate: 0.5..2.0");
            Check(v.Pitch is >= 0.5 and <= 2.0, "voice.pitch: 0.5..2.0");
        }
        var models = d.Models ?? [];
        for (var i = 0; i < models.Count; i++)
        {
            var m = models[i];
            var at = $"models[{i}]";
            Check(!string.IsNullOrWhiteSpace(m.File), $"{at}.file: required");
            Check(Sha256().IsMatch(m.Sha256), $"{at}.sha256: must be 64 hexadecimal characters");
            Check(m.Size > 0, $"{at}.size: must be the file's size in bytes");
            if (!Roles.Contains(m.Role))
            {
                problems.Add($"{at}.role: '{m.Role}' is not one of {string.Join(", ", Roles)}");
            }
            else if (!EnginesByRole[m.Role].Contains(m.Engine))
            {
                problems.Add($"{at}.engine: '{m.Engine}' cannot serve role {m.Role} (use {string.Join(" or ", EnginesByRole[m.Role])})");
            }
            if (m.Engine == "llama" && !m.File.EndsWith(".gguf", StringComparison.OrdinalIgnoreCase))
            {
                problems.Add($"{at}.file: a llama model must be a .gguf file");
            }
        }
        foreach (var dup in models.GroupBy(m => m.File).Where(g => g.Count() > 1))
        {
            problems.Add($"models: '{dup.Key}' is listed {dup.Count()} times");
        }
        Check(models.Count(m => m.Role == "llm") <= 1, "models: at most one llm");
        if (d.Audio?.MicArray is { } array)
        {
            Check(array.Channels is 1 or 2 or 4 or 6 or 8, $"audio.mic_array.channels: {array.Channels} is not supported (1, 2, 4, 6, 8)");
            Check(array.Geometry is "linear" or "circular", $"audio.mic_array.geometry: '{array.Geometry}' (linear or circular)");
            Check(array.Geometry != "linear" || array.SpacingM is > 0.005 and < 0.5, "audio.mic_array.spacing_m: required for a linear array, 0.005..0.5 m");
            Check(array.Geometry != "circular" || array.RadiusM is > 0.005 and < 0.5, "audio.mic_array.radius_m: required for a circular array, 0.005..0.5 m");
            Check(array.ProcessedChannel is null || array.ProcessedChannel >= 0 && array.ProcessedChannel < array.Channels,
                "audio.mic_array.processed_channel: must be one of the array's channels");
        }
        if (d.Audio is { } audio)
        {
            Check(audio.SampleRate == 16000, "audio.sample_rate: the speech front end runs at 16000 Hz");
        }
        if (d.Leds is { } leds)
        {
            Check(leds.Type is "none" or "apa102" or "sk9822" or "ws2812", $"leds.type: '{leds.Type}' (apa102, sk9822, ws2812, none)");
            Check(leds.Type == "none" || leds.Count is >= 1 and <= 1024, "leds.count: 1..1024");
            Check(leds.Brightness is >= 0 and <= 31, "leds.brightness: 0..31");
            Check(leds.Order is null or "RGB" or "RBG" or "GRB" or "GBR" or "BRG" or "BGR", $"leds.order: '{leds.Order}' (RGB, GRB, BGR, ...)");
            Check(leds.Device.StartsWith("/dev/spidev", StringComparison.Ordinal), "leds.device: must be a /dev/spidevB.C path");
        }
        foreach (var (role, line) in new[] { ("push_to_talk", d.Gpio?.PushToTalk), ("mute", d.Gpio?.Mute), ("presence", d.Gpio?.Presence), ("amplifier_enable", d.Gpio?.AmplifierEnable) })
        {
            if (line is null)
            {
                continue;
            }
            Check(line.Chip.StartsWith("/dev/gpiochip", StringComparison.Ordinal), $"gpio.{role}.chip: must be a /dev/gpiochipN path");
            Check(line.DebounceMs is >= 0 and <= 1000, $"gpio.{role}.debounce_ms: 0..1000");
        }
        if (d.Gpio is { } gpio)
        {
            Check(gpio.GreetHoldoffS is >= 0 and <= 3600, "gpio.greet_holdoff_s: 0..3600");
            Check(gpio.AmplifierOffAfterS is >= 0 and <= 3600, "gpio.amplifier_off_after_s: 0..3600");
        }
        if (d.Display is { } display)
        {
            Check(display.Rotation is 0 or 90 or 180 or 270, "display.rotation: 0, 90, 180 or 270");
            // It ends up in an EnvironmentFile line: a connector name, nothing else.
            Check(display.Output is null || OutputName().IsMatch(display.Output), $"display.output: '{display.Output}' is not a connector name like HDMI-A-1");
        }
        if (d.AdminApi is { } api)
        {
            Check(api.Bind is "loopback" or "lan", "admin_api.bind: loopback or lan");
            Check(api.Port is >= 1024 and <= 65535, "admin_api.port: 1024..65535");
            Check(api.AdminTokenHash is null || TokenHash().IsMatch(api.AdminTokenHash),
                "admin_api.admin_token_hash: expected pbkdf2-sha256$ITERATIONS$SALT$HASH (make one with `appliance provision hash-token`)");
        }
        if (d.Privacy is { } privacy)
        {
            Check(privacy.RetentionDays is >= 0 and <= 365, "privacy.retention_days: 0..365");
        }
        if (d.Schedule is { } schedule)
        {
            Check(ActiveHours().IsMatch(schedule.ActiveHours), "schedule.active_hours: HH:MM-HH:MM, e.g. 09:00-18:30");
            foreach (var day in schedule.Days ?? [])
            {
                Check(day is "mon" or "tue" or "wed" or "thu" or "fri" or "sat" or "sun", $"schedule.days: '{day}' (mon..sun)");
            }
        }
        return problems;
    }

    private static bool IsTimeZone(string id)
    {
        try
        {
            TimeZoneInfo.FindSystemTimeZoneById(id);
            return true;
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return false;
        }
    }

    private static bool IsCulture(string name) => CultureLike().IsMatch(name);

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9-]{0,62}$")]
    private static partial Regex DeviceName();

    [GeneratedRegex("^[0-9a-fA-F]{64}$")]
    private static partial Regex Sha256();

    [GeneratedRegex(@"^pbkdf2-sha256\$[0-9]{4,7}\$[A-Za-z0-9+/=]{16,}\$[A-Za-z0-9+/=]{43,44}$")]
    private static partial Regex TokenHash();

    [GeneratedRegex("^([01][0-9]|2[0-3]):[0-5][0-9]-(([01][0-9]|2[0-3]):[0-5][0-9]|24:00)$")]
    private static partial Regex ActiveHours();

    [GeneratedRegex("^[a-z]{2,3}(-[A-Z]{2}|-Hans|-Hant)?(-[A-Z]{2})?$")]
    private static partial Regex CultureLike();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_.-]{0,31}$")]
    private static partial Regex OutputName();
}
