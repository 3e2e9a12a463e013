using System.Diagnostics;
using Appliance.Avatar.Hub;
using Appliance.Avatar.Pipeline;
using Appliance.Avatar.Timeline;
using Appliance.Core.Audio;
using Appliance.Devices;
using Appliance.Devices.Audio;
using Appliance.Drivers.Audio;
using Appliance.Host.Pipeline;
using Appliance.Pipeline;
using Appliance.Pipeline.Events;
using Appliance.Service.Configuration;
using Appliance.Service.Knowledge;
using Appliance.Service.Metrics;
using Appliance.Service.Runtime;
using Microsoft.Extensions.Logging;

namespace Appliance.Host.Runtime;

/// <summary>
/// The real conversation pipeline behind the service's Runtime interfaces: loads the embedded-default
/// engines in the background, opens the audio (retrying, "waiting for audio device" in the status
/// until it opens), runs ConversationEngine on it and turns its event stream into the status snapshot,
/// turn traces, metrics and the avatar page. Engines and audio live for the process; Restart rebuilds
/// only the conversation (VAD state, history).
/// </summary>
internal sealed partial class LivePipeline
    : IPipelineStatus, IPipelineHeartbeat, ITurnTraceSource, IPipelineLifecycle, IConfigReloadTarget, IAsyncDisposable
{
    private readonly LivePipelineOptions _options;
    private readonly ConfigStore _config;
    private readonly ApplianceMetrics _metrics;
    private readonly AvatarHub _avatar;
    private readonly MicrophoneGate _microphone;
    private readonly SpeakerMonitor _speaker;
    private readonly ILogger<LivePipeline> _logger;
    private readonly KnowledgeStore _knowledgeStore;
    private readonly PipelineEventHub _events = new();
    private readonly TurnTraceRing _turns = new();
    private readonly CancellationTokenSource _lifetime = new();
    private readonly SemaphoreSlim _setup = new(1, 1);
    private readonly TimeProvider _clock = TimeProvider.System;
    private PipelineEngines? _engines;
    private AudioRig? _rig;
    private readonly DeviceSettings _devices;
    private string? _geometryProblem;
    private IAudioPlayback? _playback;
    private PortAudioRuntime? _portAudio;
    private PlayedAudioLog? _playedLog;
    private CancellationTokenSource? _run;
    private Task _loop = Task.CompletedTask;
    private long _beats;
    private volatile bool _running;
    private volatile bool _audioOpen;
    private volatile PipelineState _state = PipelineState.Starting;
    private volatile string? _problem;
    private volatile string? _currentTurn;
    private volatile string? _utterance;
    private volatile string _llm = "loading";
    private int _turnsCompleted;
    private int _disposed;
    private int _generation;

    public LivePipeline(
        LivePipelineOptions options, ConfigStore config, ApplianceMetrics metrics, AvatarHub avatar, KnowledgeStore knowledgeStore,
        MicrophoneGate microphone, SpeakerMonitor speaker, DeviceSettings devices, ILogger<LivePipeline> logger)
    {
        _knowledgeStore = knowledgeStore;
        _devices = devices;
        _microphone = microphone;
        _speaker = speaker;
        _options = options;
        _config = config;
        _metrics = metrics;
        _avatar = avatar;
        _logger = logger;
        _settings = new ConversationSettings(config.Current);
        _wakeWord = new SwitchableWakeWord(() => _settings.WakeWordRequired);
        _events.Published += OnEvent;
    }

    /// <summary>The provisioned models folder (wake/ and vad/ lookups).</summary>
    private PipelineEngineOptions EngineOptions => new(ModelsDir: _options.ModelsDir);

    /// <summary>
    /// The engines to load: `--llm auto` (what systemd runs) answers with the GGUF provisioned under
    /// models/llm when dialog.responder is "llm", else from the knowledge base; replies are capped at
    /// dialog.maxReplyTokens. Both are read when the engines load (a change takes effect at the next start).
    /// </summary>
    private PipelineEngineOptions EnginesToLoad()
    {
        var dialog = _config.Current.Dialog;
        var llm = _options.Llm;
        if (llm == "auto")
        {
            var provisioned = EngineOptions.ProvisionedFolder("llm") is { } dir
                ? Directory.EnumerateFiles(dir, "*.gguf").Order(StringComparer.Ordinal).FirstOrDefault()
                : null;
            llm = dialog.Responder == "llm" && provisioned is not null ? provisioned : "kb";
        }
        return new PipelineEngineOptions(llm, _options.Threads, MaxTokens: dialog.MaxReplyTokens, ModelsDir: _options.ModelsDir);
    }

    /// <summary>
    /// The dialog model (a GGUF path, or "kb"/"synthetic"): the one the engines loaded (after a fallback to
    /// the knowledge base, that), or before they load the one they will.
    /// </summary>
    public string DialogModel => (_engines?.Options ?? EnginesToLoad()).Llm;

    /// <summary>Loads the engines; a provisioned LLM that cannot be loaded leaves the kiosk answering from the knowledge base (logged) rather than mute.</summary>
    private PipelineEngines LoadEngines()
    {
        var options = EnginesToLoad();
        void Log(string line) => _logger.LogInformation("{Line}", line);
        try
        {
            return PipelineEngines.Create(options, Log);
        }
        catch (Exception e) when (_options.Llm == "auto" && options.Llm != "kb" && e is not OutOfMemoryException)
        {
            _logger.LogError("llm: the provisioned model {Path} could not be loaded ({Error}); answering from the knowledge base", options.Llm, e.Message);
            return PipelineEngines.Create(options with { Llm = "kb" }, Log);
        }
    }

    public PipelineSnapshot Snapshot() => new(
        _state, _engines is not null, _audioOpen, _currentTurn, _utterance, Volatile.Read(ref _turnsCompleted), _llm, _problem);

    public HeartbeatReading Read() => new(
        Interlocked.Read(ref _beats), _running && _state != PipelineState.Error, _running ? _problem : "stopped", StartingUp: _running && InSetup);

    /// <summary>
    /// Loading models, opening the sound card (PortAudio probes every host API, seconds on a slow CPU)
    /// and building the conversation until its first block cannot beat. That phase is pinged anyway, for at most <see cref="SetupWatchdogGrace"/>:
    /// before READY=1 the unit's TimeoutStartSec bounds it, after a restart this grace does.
    /// </summary>
    private bool InSetup => Volatile.Read(ref _setupSince) is var since and not 0
        && Stopwatch.GetElapsedTime(since) < SetupWatchdogGrace;

    private static readonly TimeSpan SetupWatchdogGrace = TimeSpan.FromMinutes(5);
    private long _setupSince;

    public IReadOnlyList<Service.Runtime.TurnTrace> Recent(int max) => _turns.Recent(max);

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var run = new CancellationTokenSource();
        _run = run;
        _running = true;
        var generation = Interlocked.Increment(ref _generation);
        _loop = Task.Run(() => RunAsync(generation, run.Token), CancellationToken.None);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _running = false;
        if (_run is { } run)
        {
            await run.CancelAsync().ConfigureAwait(false);
        }
        _rig?.Playback.Flush(); // a `say` in flight stops too
        try
        {
            await _loop.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
        _state = PipelineState.Stopped;
    }

    public async Task RestartAsync(CancellationToken cancellationToken)
    {
        await StopAsync(cancellationToken).ConfigureAwait(false);
        await StartAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task RunAsync(int generation, CancellationToken ct)
    {
        try
        {
            // Set-up lasts until the first block reaches the conversation loop (OnBlock ends it).
            Volatile.Write(ref _setupSince, Stopwatch.GetTimestamp());
            await EnsureEnginesAndAudioAsync(ct).ConfigureAwait(false);
            // Persona, voice and wake mode come from the configuration on every turn / voice onset (reload = next turn).
            var options = new PipelineOptions(BargeIn: BargeInMode.On, Log: line => _logger.LogInformation("{Line}", line),
                Profile: ProfileForTurn, CurrentWake: CurrentWakeMode);
            var components = _engines!.Build(_playback!, _settings.Profile.Persona, _wakeWord);
            try
            {
                _state = PipelineState.Idle;
                var engine = new ConversationEngine(components, options, _events, _clock);
                _engine = engine;
                // The devices' microphone gate (mute, push-to-talk) sits in front of the conversation.
                if (_options.DedicatedAudioThread)
                {
                    var capture = _microphone.Wrap(new HeartbeatCapture(new BlockingCapture(_rig!.Capture), OnBlock));
                    await AudioLoopThread.Run(() => engine.RunAsync(capture, ct), $"audio loop {generation}").ConfigureAwait(false);
                }
                else
                {
                    await engine.RunAsync(_microphone.Wrap(new HeartbeatCapture(_rig!.Capture, OnBlock)), ct).ConfigureAwait(false);
                }
            }
            finally
            {
                (components.Vad as IDisposable)?.Dispose();
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            _state = PipelineState.Error;
            _problem = e.Message;
            _logger.LogError(e, "pipeline (generation {Generation}) failed", generation);
        }
        finally
        {
            Volatile.Write(ref _setupSince, 0);
        }
    }

    private async Task EnsureEnginesAndAudioAsync(CancellationToken ct)
    {
        await _setup.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (_engines is null)
            {
                _problem = "loading models";
                var watch = Stopwatch.StartNew();
                _engines = LoadEngines();
                _metrics.RecordModelLoad(_engines.Model.Name, watch.Elapsed);
                ApplyUploadedKnowledge(_engines);
                CheckConfiguredVoice();
                _llm = $"{_engines.Model.Name} · asr {_engines.Recognizer.Name} · tts {_engines.Synthesizer.Name}";
                _problem = null;
            }
            if (_settings.WakeWordRequired)
            {
                var dialog = _config.Current.Dialog;
                if (WakeWordProblem(dialog) is { } unknown)
                {
                    dialog = new DialogConfig { WakeWordRequired = true };
                    _logger.LogError("dialog.wakeWord: {Problem}; waking on {Keyword}", unknown, WakeKeywordFor(dialog));
                }
                LoadWakeWord(WakeKeywordFor(dialog));
            }
            if (_rig is null)
            {
                _rig = await OpenAudioAsync(_engines.Synthesizer.SampleRate, ct).ConfigureAwait(false);
                // Replies and `say` go through the speaker monitor: amplifier on first, LED level envelope.
                _playback = _speaker.Wrap(_rig.Playback);
            }
        }
        finally
        {
            _setup.Release();
        }
    }

    private async Task<AudioRig> OpenAudioAsync(int ttsRate, CancellationToken ct)
    {
        AudioRig rig;
        if (_options.IsReplay)
        {
            rig = AudioRig.OpenReplay(_options.Replay!, _options.ReplayGap ?? TimeSpan.FromSeconds(6), _options.DedicatedAudioThread, ttsRate, _clock);
            if (_options.ReplayOut is { } folder && rig.Playback is IPlaybackMonitor played)
            {
                _playedLog = PlayedAudioLog.Start(played, _avatar.Clock, folder, rig.Playback.SampleRate);
            }
        }
        else
        {
            while (true)
            {
                try
                {
                    // The admin API's audio settings over the provisioned audio.* (devices, mic array geometry).
                    var audio = ProvisionedAudio.Resolve(_config.Current.Audio, _devices.Audio);
                    if (audio.Problem is { } geometryProblem && geometryProblem != _geometryProblem)
                    {
                        _logger.LogWarning("audio: {Problem}", geometryProblem);
                    }
                    _geometryProblem = audio.Problem;
                    rig = AudioRig.OpenLive(PortAudio(), audio, ttsRate, line => OnAudioLog(line));
                    break;
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // No sound card yet (USB array not plugged, driver late): keep the service up and say so.
                    // One line: the problem ends up in systemd's STATUS= (a newline would end the field).
                    var problem = $"waiting for audio device ({string.Join(' ', e.Message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))})";
                    Interlocked.Increment(ref _beats);
                    if (problem != _problem)
                    {
                        _logger.LogWarning("audio: {Problem}; retrying every second", problem);
                    }
                    _problem = problem;
                    await Task.Delay(TimeSpan.FromSeconds(1), ct).ConfigureAwait(false);
                }
            }
        }
        _logger.LogInformation("audio: {Description}", rig.Description);
        if (rig.Playback is IPlaybackMonitor monitor)
        {
            monitor.BlockPlayed += MeasureOutput;
        }
        var counters = rig.Counters;
        _metrics.AttachAudioPath(() => new AudioPathCounters(counters.Overruns, counters.Underruns, counters.DroppedBlocks, counters.DeviceLosses));
        var bridge = new AvatarPipelineBridge(_events, _avatar, new PlaybackClock(_avatar.Clock, () => rig.Playback.Position, rig.Playback.SampleRate));
        _ = bridge.RunAsync(_lifetime.Token);
        if (rig.FrontEnd is { } frontEnd)
        {
            frontEnd.DoaChanged += OnDoa;
        }
        return rig;
    }

    private void OnAudioLog(string line)
    {
        if (line.Contains("unavailable", StringComparison.Ordinal))
        {
            _audioOpen = false;
            _problem = "waiting for audio device";
            Interlocked.Increment(ref _beats); // the loop is alive, only the device is missing
        }
        else if (line.Contains("reopened", StringComparison.Ordinal))
        {
            _metrics.RecordDeviceReconnect(_config.Current.Audio.InputDevice);
        }
        _logger.LogWarning("{Line}", line);
    }

    private void OnBlock(AudioFrame frame)
    {
        Interlocked.Increment(ref _beats);
        if (Volatile.Read(ref _setupSince) != 0)
        {
            Volatile.Write(ref _setupSince, 0);
        }
        var capturedUntil = frame.Timestamp + (long)((double)frame.Frames / frame.SampleRate * _clock.TimestampFrequency);
        _metrics.RecordFrameLateness((_clock.GetTimestamp() - capturedUntil) * 1000.0 / _clock.TimestampFrequency);
        MeasureInput(frame);
        if (!_audioOpen)
        {
            _audioOpen = true;
            _problem = null;
        }
    }

    /// <summary>
    /// Stops and releases everything, once: the container disposes this object through each interface it is
    /// registered under (IRuntimeConfigCheck, ISpeechOutput, …), so later calls must do nothing.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }
        await _lifetime.CancelAsync().ConfigureAwait(false);
        if (_rig is not null)
        {
            await _rig.DisposeAsync().ConfigureAwait(false);
        }
        if (_playedLog is not null)
        {
            await _playedLog.DisposeAsync().ConfigureAwait(false);
        }
        _engines?.Dispose();
        _wakeWord.Dispose();
        _portAudio?.Dispose();
        _lifetime.Dispose();
    }
}
