using System.Collections.Concurrent;
using Appliance.Service.Configuration;
using Microsoft.Extensions.Logging;

namespace Appliance.Service.Runtime.Standby;

/// <summary>
/// What `run` uses until the lead wires the real conversation pipeline (see README "Wiring"): an idle
/// pipeline that is honest about having no engines. It keeps the service, API, notifier and watchdog
/// fully working; `say` is recorded as a turn so the dashboard shows something real.
/// </summary>
public sealed class StandbyPipeline(ILogger<StandbyPipeline> logger)
    : IPipelineStatus, IPipelineHeartbeat, ITurnTraceSource, IPipelineLifecycle, ISpeechOutput, IConfigReloadTarget
{
    private readonly ConcurrentQueue<TurnTrace> _turns = new();
    private volatile bool _running;
    private int _turnCount;

    public PipelineSnapshot Snapshot() => new(
        _running ? PipelineState.Idle : PipelineState.Stopped,
        ModelsLoaded: _running,
        AudioOpen: _running,
        CurrentTurnId: null,
        CurrentUtterance: null,
        TurnsCompleted: Volatile.Read(ref _turnCount),
        LlmDescription: "none (standby: pipeline not wired)",
        LastError: null);

    // Standby has no audio loop; it is "healthy" exactly while started.
    public HeartbeatReading Read() => new(Environment.TickCount64 / 100, _running, _running ? null : "stopped");

    public IReadOnlyList<TurnTrace> Recent(int max) => _turns.Reverse().Take(max).ToList();

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _running = true;
        logger.LogWarning("No conversation pipeline wired: running in standby (API and dashboard only)");
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _running = false;
        return Task.CompletedTask;
    }

    public Task RestartAsync(CancellationToken cancellationToken)
    {
        logger.LogInformation("Standby pipeline restart requested (nothing to restart)");
        return Task.CompletedTask;
    }

    public ValueTask SayAsync(string text, CancellationToken cancellationToken)
    {
        var n = Interlocked.Increment(ref _turnCount);
        _turns.Enqueue(new TurnTrace($"say-{n}", DateTimeOffset.UtcNow, [], null, false, "said (standby: no TTS)", null, text));
        while (_turns.Count > 200 && _turns.TryDequeue(out _))
        {
        }
        logger.LogInformation("say: {Length} characters (standby: not spoken)", text.Length);
        return ValueTask.CompletedTask;
    }

    public Task ApplyAsync(ApplianceConfig config, CancellationToken cancellationToken)
    {
        logger.LogInformation("Configuration applied (persona {Persona})", config.Persona.Name);
        return Task.CompletedTask;
    }
}
