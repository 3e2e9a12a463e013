using System.Collections.Concurrent;
using Appliance.Service.Configuration;
using Appliance.Service.Runtime;

namespace Appliance.Service.Tests.Support;

/// <summary>
/// Test double for the conversation pipeline (built elsewhere): a settable state machine, a beat
/// counter a test advances or freezes (wedged), recorded turns, and an "utterance in flight" that
/// StopAsync must cancel.
/// </summary>
public sealed class FakePipeline : IPipelineStatus, IPipelineHeartbeat, ITurnTraceSource, IPipelineLifecycle, ISpeechOutput, IConfigReloadTarget, IRuntimeConfigCheck
{
    /// <summary>The fake TTS engine has no voice of this name (IRuntimeConfigCheck refuses it).</summary>
    public const string MissingVoice = "no-such-voice";

    private long _beats;

    public volatile PipelineState State = PipelineState.Listening;
    public volatile bool ModelsLoaded = true;
    public volatile bool AudioOpen = true;
    public volatile bool Healthy = true;
    public volatile bool Wedged;
    public volatile bool StartingUp;
    public string Llm = "qwen-1.5b q4_0 sapphirerapids";
    public readonly ConcurrentQueue<TurnTrace> Turns = new();
    public readonly ConcurrentQueue<string> Said = new();
    public readonly ConcurrentQueue<ApplianceConfig> Applied = new();
    public int AudioOpenCount = 1;
    public int Restarts;
    public int Starts;
    public TaskCompletionSource<bool>? UtteranceCancelled;
    private CancellationTokenSource? _utterance;

    public PipelineSnapshot Snapshot() => new(State, ModelsLoaded, AudioOpen, _utterance is null ? null : "t-live",
        _utterance is null ? null : "speaking…", Turns.Count, Llm, null);

    /// <summary>Advances unless wedged (call it from the fake audio loop or directly).</summary>
    public void Beat()
    {
        if (!Wedged)
        {
            Interlocked.Increment(ref _beats);
        }
    }

    public HeartbeatReading Read() => new(Interlocked.Read(ref _beats), Healthy, Healthy ? null : "fake failure", StartingUp);

    public IReadOnlyList<TurnTrace> Recent(int max) => Turns.Reverse().Take(max).ToList();

    public Task StartAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref Starts);
        return Task.CompletedTask;
    }

    /// <summary>Begins a long utterance (as if speaking a reply) that only ends when cancelled.</summary>
    public void BeginUtterance()
    {
        _utterance = new CancellationTokenSource();
        UtteranceCancelled = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        var token = _utterance.Token;
        var done = UtteranceCancelled;
        State = PipelineState.Speaking;
        _ = Task.Run(async () =>
        {
            try
            {
                await Task.Delay(Timeout.Infinite, token);
            }
            catch (OperationCanceledException)
            {
                done.TrySetResult(true);
            }
        });
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _utterance?.Cancel();
        State = PipelineState.Stopped;
        return UtteranceCancelled?.Task.WaitAsync(cancellationToken) ?? Task.CompletedTask;
    }

    public Task RestartAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref Restarts);
        return Task.CompletedTask;
    }

    public ValueTask SayAsync(string text, CancellationToken cancellationToken)
    {
        Said.Enqueue(text);
        return ValueTask.CompletedTask;
    }

    public Task ApplyAsync(ApplianceConfig config, CancellationToken cancellationToken)
    {
        Applied.Enqueue(config);
        return Task.CompletedTask;
    }

    public void Check(ApplianceConfig config, Action<string, string> add)
    {
        if (config.Persona.Voice == MissingVoice)
        {
            add("persona.voice", $"the fake voice engine has no voice '{MissingVoice}'");
        }
    }

    public static TurnTrace SampleTurn(int n, DateTimeOffset at, double v2v) => new(
        $"turn-{n}", at,
        [
            new StageSpan("vad", -300, 0),
            new StageSpan("asr", 0, v2v * 0.3),
            new StageSpan("llm", v2v * 0.3, v2v * 0.8),
            new StageSpan("tts", v2v * 0.8, v2v * 0.95),
            new StageSpan("playback", v2v * 0.95, v2v + 1500),
        ],
        v2v, n % 4 == 0, n % 4 == 0 ? "barged-in" : "answered", $"question {n}", $"answer {n}");
}
