using Appliance.Service.Runtime;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Appliance.Service.Systemd;

/// <summary>
/// The WATCHDOG=1 heartbeat, sent only while the pipeline is actually healthy: its heartbeat counter
/// must have moved since the previous ping and it must report healthy. A wedged pipeline therefore
/// stops the pings and systemd restarts the process (WatchdogSec + Restart=on-failure). We never
/// ping from a timer alone once the pipeline runs — that would keep a hung pipeline alive forever.
/// systemd arms the watchdog when it starts the process, not at READY=1, so the start-up phase (models
/// loading in a blocking native call, which cannot beat) is pinged while healthy: TimeoutStartSec bounds it.
/// </summary>
public sealed class PipelineWatchdog(
    ISystemdNotifier notifier,
    IPipelineHeartbeat heartbeat,
    ServiceOptions options,
    ILogger<PipelineWatchdog> logger) : BackgroundService
{
    private long? _lastBeats;
    private bool _stalledReported;

    /// <summary>Pings sent so far (for the dashboard/tests).</summary>
    public long Pings { get; private set; }

    /// <summary>One check: pings and returns true when the pipeline made progress and is healthy.</summary>
    public bool CheckAndPing()
    {
        var reading = heartbeat.Read();
        var progressed = _lastBeats is null || reading.Beats != _lastBeats;
        _lastBeats = reading.Beats;
        if (reading.Healthy && (progressed || reading.StartingUp))
        {
            if (_stalledReported)
            {
                logger.LogInformation("Pipeline heartbeat recovered");
                _stalledReported = false;
            }
            notifier.Notify("WATCHDOG=1");
            Pings++;
            return true;
        }
        if (!_stalledReported)
        {
            var why = reading.Healthy ? "no progress since the last check" : reading.Problem ?? "unhealthy";
            logger.LogCritical("Pipeline wedged ({Why}); withholding the watchdog ping so systemd restarts us", why);
            notifier.Notify($"STATUS=pipeline wedged: {why}");
            _stalledReported = true;
        }
        return false;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Watchdog;
        if (settings is null)
        {
            return;
        }
        logger.LogInformation("systemd watchdog: timeout {Timeout}, ping every {Interval}", settings.Timeout, settings.PingInterval);
        using var timer = new PeriodicTimer(settings.PingInterval);
        try
        {
            do
            {
                CheckAndPing();
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException)
        {
        }
    }
}
