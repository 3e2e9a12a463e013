using Appliance.Models.WakeWord;
using Appliance.Pipeline;
using Appliance.Service.Configuration;
using Appliance.Service.Runtime;
using Microsoft.Extensions.Logging;

namespace Appliance.Host.Runtime;

/// <summary>
/// Configuration reload on the running conversation, audio kept open: persona and TTS voice swap
/// between turns (ConversationSettings), dialog.wakeWordRequired switches wake-word mode from the next
/// audio block, loading openWakeWord the first time it is asked for. A voice the loaded TTS engine
/// cannot speak is refused before it is saved (IRuntimeConfigCheck → 400) and, from a file (SIGHUP),
/// keeps the running settings.
/// </summary>
internal sealed partial class LivePipeline : IRuntimeConfigCheck
{
    /// <summary>The keyword the kiosk wakes on (the one `bench wake` measures).</summary>
    public const string WakeKeyword = "hey_jarvis";

    private readonly ConversationSettings _settings;
    private readonly SwitchableWakeWord _wakeWord;
    private readonly Lock _wakeLoad = new();
    private TurnProfile? _lastProfile;

    public Task ApplyAsync(ApplianceConfig config, CancellationToken cancellationToken)
    {
        if (VoiceProblem(config.Persona) is { } problem)
        {
            throw new InvalidDataException($"persona.voice: {problem}; the running persona and voice are kept");
        }
        if (config.Dialog.WakeWordRequired && _engines is not null)
        {
            LoadWakeWord(); // before the switch, so the mode never says "wake word" without a detector
        }
        _settings.Apply(config);
        _logger.LogInformation("pipeline: configuration applied (audio kept open): persona {Persona} ({Language}), voice {Voice}, wake {Wake} from the next turn",
            config.Persona.Name, config.Persona.Language, config.Persona.Voice, CurrentWakeMode() == WakeMode.WakeWord ? WakeKeyword : "on speech");
        return Task.CompletedTask;
    }

    public void Check(ApplianceConfig config, Action<string, string> add)
    {
        if (VoiceProblem(config.Persona) is { } problem)
        {
            add("persona.voice", problem);
        }
    }

    /// <summary>Null when the voice is the default or the loaded engine speaks it (before the engines load nothing can be judged: ApplyAsync checks again then).</summary>
    private string? VoiceProblem(PersonaConfig persona) =>
        ConversationSettings.VoiceOf(persona) is { } voice && _engines is { } engines
            ? VoiceCheck.Problem(engines.Synthesizer, voice, persona.Language)
            : null;

    /// <summary>
    /// The voice of the configuration the service started with can only be checked once the engines are
    /// loaded; an unusable one would fail every turn, so the engine's default voice speaks instead (logged).
    /// </summary>
    private void CheckConfiguredVoice()
    {
        if (VoiceProblem(_config.Current.Persona) is { } problem)
        {
            _logger.LogError("persona.voice: {Problem}; speaking with the engine's default voice", problem);
            _settings.UseDefaultVoice();
        }
    }

    /// <summary>The profile a starting turn speaks with; logs when a reload changed it.</summary>
    private TurnProfile ProfileForTurn()
    {
        var profile = _settings.Profile;
        if (!ReferenceEquals(Interlocked.Exchange(ref _lastProfile, profile), profile))
        {
            _logger.LogInformation("pipeline: turns speak as {Persona} ({Language}), voice {Voice}",
                profile.Persona.Name, profile.Persona.Language, profile.Voice ?? ConversationSettings.DefaultVoice);
        }
        return profile;
    }

    private WakeMode CurrentWakeMode() => _settings.WakeWordRequired && _wakeWord.Loaded ? WakeMode.WakeWord : WakeMode.Speech;

    /// <summary>Loads openWakeWord once (with the other engines, or on the reload that first asks for it); a failure leaves the kiosk waking on speech.</summary>
    private void LoadWakeWord()
    {
        lock (_wakeLoad)
        {
            if (_wakeWord.Loaded)
            {
                return;
            }
            try
            {
                _wakeWord.Install(new OpenWakeWordDetector(WakeWordOptions.For(WakeKeyword)));
                _logger.LogInformation("wake word: openWakeWord '{Keyword}' loaded", WakeKeyword);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                _logger.LogError("wake word: dialog.wakeWordRequired is set but openWakeWord could not be loaded ({Error}); waking on speech", e.Message);
            }
        }
    }
}
