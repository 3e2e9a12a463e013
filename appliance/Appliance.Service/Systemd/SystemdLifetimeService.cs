using Appliance.Service.Runtime;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Appliance.Service.Systemd;

/// <summary>
/// READY=1 once the pipeline reports models loaded and audio open (not merely "process started"),
/// STATUS= whenever the status line changes, STOPPING=1 when the host begins to stop.
/// </summary>
public sealed class SystemdLifetimeService(
    ISystemdNotifier notifier,
    IPipelineStatus status,
    IHostApplicationLifetime lifetime,
    ILogger<SystemdLifetimeService> logger,
    IServiceActivity? activity = null) : BackgroundService
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    private string? _lastStatus;

    public bool ReadySent { get; private set; }

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStopping.Register(() =>
        {
            notifier.Notify("STOPPING=1\nSTATUS=stopping");
            logger.LogInformation("Stopping");
        });
        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        notifier.Notify("STATUS=starting: loading models, opening audio");
        using var timer = new PeriodicTimer(PollInterval);
        try
        {
            do
            {
                Tick();
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>One poll: READY once, then STATUS on change.</summary>
    public void Tick()
    {
        var snapshot = status.Snapshot();
        if (!ReadySent)
        {
            // Ready means: the API listens (host started), models are loaded and audio is open.
            if (!lifetime.ApplicationStarted.IsCancellationRequested || !snapshot.ModelsLoaded || !snapshot.AudioOpen)
            {
                return;
            }
            _lastStatus = StatusLine.Format(snapshot, activity);
            notifier.Notify($"READY=1\nSTATUS={_lastStatus}");
            ReadySent = true;
            logger.LogInformation("Ready: {Status}", _lastStatus);
            return;
        }
        var line = StatusLine.Format(snapshot, activity);
        if (line != _lastStatus)
        {
            _lastStatus = line;
            notifier.Notify($"STATUS={line}");
        }
    }
}
