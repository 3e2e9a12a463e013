using Appliance.Provisioning.Progress;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Appliance.Devices.Updates;

/// <summary>
/// Watches the status file `appliance provision` publishes (ProvisioningStatusFile) and exposes the
/// apply in progress — or just finished, for <see cref="Linger"/> — to the LED ring, the STATUS= line
/// and the avatar page. Polling a small file four times a second is cheaper and more robust than
/// inotify on a file that is replaced by rename, and needs nothing from the writer's side.
/// </summary>
public sealed class UpdateMonitor(string path, ILogger<UpdateMonitor> logger, TimeProvider? clock = null, Func<int, bool>? processAlive = null) : BackgroundService
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    /// <summary>How long "update complete" / "update failed" stays up after the apply ended.</summary>
    public static readonly TimeSpan Linger = TimeSpan.FromSeconds(20);

    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private volatile ProvisioningStatus? _current;

    public string Path => path;

    /// <summary>The apply to show now, or null.</summary>
    public ProvisioningStatus? Current => _current;

    /// <summary>Raised (on the polling thread) when what should be shown changes, null when it ends.</summary>
    public event Action<ProvisioningStatus?>? Changed;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(PollInterval, _clock);
        try
        {
            do
            {
                Poll();
            }
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>One look at the file.</summary>
    public void Poll()
    {
        var read = ProvisioningStatusFile.TryRead(path);
        var shown = read is not null && ProvisioningStatusFile.IsCurrent(read, _clock.GetUtcNow(), Linger, processAlive) ? read : null;
        var before = _current;
        if (Same(before, shown))
        {
            _current = shown; // keep the latest timestamps
            return;
        }
        _current = shown;
        if (shown is not null)
        {
            if (before is null || before.Phase != shown.Phase)
            {
                logger.LogInformation("provisioning: {Label}", shown.Label);
            }
        }
        else if (before is { IsFinal: false })
        {
            logger.LogWarning("provisioning: the apply (pid {Pid}) ended without a final state", before.Pid);
        }
        Changed?.Invoke(shown);
    }

    private static bool Same(ProvisioningStatus? a, ProvisioningStatus? b) =>
        a is null ? b is null : b is not null && a.Phase == b.Phase && a.Label == b.Label && a.Pid == b.Pid;
}
