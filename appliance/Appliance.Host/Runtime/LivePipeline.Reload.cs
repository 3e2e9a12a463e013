using Appliance.Host.Pipeline;
using Appliance.Models.WakeWord;
using Appliance.Pipeline;
using Appliance.Service.Configuration;
using Appliance.Service.Runtime;
using Microsoft.Extensions.Logging;

namespace Appliance.Host.Runtime;

/// <summary>
/// Configuration reload on the running conversation, audio kept open: persona and TTS voice swap
/// between turns (ConversationSettings), dialog.wakeWordRequired switches wake-word mode from the next
/// audio block, loading openWakeWord (for dialog.wakeWord: bundled or provisioned keyword) when it is
/// first asked for or the keyword changes. A voice the loaded TTS engine cannot speak, or a keyword this
/// kiosk has no classifier for, is refused before it is saved (IRuntimeConfigCheck → 400) and, from a
/// file (SIGHUP), keeps the running settings.
/// </summary>
internal sealed partial class LivePipeline : IRuntimeConfigCheck
{
    /// <summary>The keyword woken on when neither dialog.wakeWord nor the stick names one (the one `bench wake` measures).</summary>
    public const string DefaultWakeKeyword = "hey_jarvis";

    /// <summary>openWakeWord's shared feature models: in a provisioned wake/ folder they are not keywords.</summary>
    private static readonly HashSet<string> FeatureModels = [OpenWakeWordModels.MelSpectrogram, OpenWakeWordModels.Embedding];

    private IReadOnlyDictionary<string, string>? _provisionedWakeWords;

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
        if (WakeWordProblem(config.Dialog) is { } unknown)
        {
            throw new InvalidDataException($"dialog.wakeWord: {unknown}; the running settings are kept");
        }
        if (config.Dialog.WakeWordRequired && _engines is not null)
        {
            LoadWakeWord(WakeKeywordFor(config.Dialog)); // before the switch, so the mode never says "wake word" without a detector
        }
        _settings.Apply(config);
        _logger.LogInformation("pipeline: configuration applied (audio kept open): persona {Persona} ({Language}), voice {Voice}, wake {Wake} from the next turn",
            config.Persona.Name, config.Persona.Language, config.Persona.Voice, CurrentWakeMode() == WakeMode.WakeWord ? string.Join(", ", _wakeWord.Keywords) : "on speech");
        return Task.CompletedTask;
    }

    public void Check(ApplianceConfig config, Action<string, string> add)
    {
        if (VoiceProblem(config.Persona) is { } problem)
        {
            add("persona.voice", problem);
        }
        if (WakeWordProblem(config.Dialog) is { } unknown)
        {
            add("dialog.wakeWord", unknown);
        }
    }

    /// <summary>Classifiers provisioned under models/wake (keyword = file name without .onnx), read once.</summary>
    private IReadOnlyDictionary<string, string> ProvisionedWakeWords() => _provisionedWakeWords ??=
        EngineOptions.ProvisionedModels("wake")
            .Where(path => !FeatureModels.Contains(Path.GetFileName(path)))
            .ToDictionary(path => Path.GetFileNameWithoutExtension(path), StringComparer.Ordinal);

    /// <summary>dialog.wakeWord, else the provisioned classifier, else hey_jarvis.</summary>
    private string WakeKeywordFor(DialogConfig dialog) =>
        dialog.WakeWord ?? ProvisionedWakeWords().Keys.Order(StringComparer.Ordinal).FirstOrDefault() ?? DefaultWakeKeyword;

    /// <summary>Null when dialog.wakeWord is unset or names a bundled or provisioned keyword.</summary>
    private string? WakeWordProblem(DialogConfig dialog) =>
        dialog.WakeWord is { } keyword && !OpenWakeWordModels.Keywords.ContainsKey(keyword) && !ProvisionedWakeWords().ContainsKey(keyword)
            ? $"no wake-word classifier '{keyword}' on this kiosk; it has {string.Join(", ", OpenWakeWordModels.Keywords.Keys.Concat(ProvisionedWakeWords().Keys))}"
            : null;

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

    /// <summary>
    /// Loads openWakeWord for <paramref name="keyword"/> unless it is the one running (with the other engines,
    /// or on the reload that asks for it); a failure keeps what was running (or, with nothing loaded, the kiosk
    /// waking on speech) and says so.
    /// </summary>
    private void LoadWakeWord(string keyword)
    {
        lock (_wakeLoad)
        {
            if (_wakeWord.Keywords is [var running] && running == keyword)
            {
                return;
            }
            try
            {
                var provisioned = ProvisionedWakeWords();
                _wakeWord.Install(new OpenWakeWordDetector(new WakeWordOptions([keyword], CustomClassifiers: provisioned)));
                _logger.LogInformation("wake word: openWakeWord '{Keyword}' loaded{Source}", keyword,
                    provisioned.TryGetValue(keyword, out var path) ? $" (provisioned {path})" : "");
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                _logger.LogError("wake word: openWakeWord '{Keyword}' could not be loaded ({Error}); {Fallback}", keyword, e.Message,
                    _wakeWord.Loaded ? $"still waking on {string.Join(", ", _wakeWord.Keywords)}" : "waking on speech");
            }
        }
    }
}
