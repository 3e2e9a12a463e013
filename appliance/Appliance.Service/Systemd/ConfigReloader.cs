using System.Diagnostics;
using System.Runtime.InteropServices;
using Appliance.Service.Configuration;
using Appliance.Service.Runtime;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Appliance.Service.Systemd;

/// <summary>
/// Configuration reload (SIGHUP from `systemctl reload`, or a PUT through the API): RELOADING=1 with
/// MONOTONIC_USEC, apply to every IConfigReloadTarget (the audio device stays open), then READY=1
/// again. A file that fails validation keeps the running configuration.
/// </summary>
public sealed class ConfigReloader(
    ConfigStore store,
    IEnumerable<IConfigReloadTarget> targets,
    ISystemdNotifier notifier,
    ILogger<ConfigReloader> logger) : IHostedService
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private PosixSignalRegistration? _sighup;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!OperatingSystem.IsWindows())
        {
            _sighup = PosixSignalRegistration.Create(PosixSignal.SIGHUP, context =>
            {
                context.Cancel = true;
                _ = Task.Run(() => ReloadFromDiskAsync(CancellationToken.None));
            });
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _sighup?.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>Re-reads the files and applies them; returns the error when the files are invalid.</summary>
    public Task<string?> ReloadFromDiskAsync(CancellationToken cancellationToken) => ApplyAsync(store.Reload, cancellationToken);

    /// <summary>Applies the already-current configuration (after an API save).</summary>
    public Task ApplyCurrentAsync(CancellationToken cancellationToken) => ApplyAsync(() => null, cancellationToken);

    private async Task<string?> ApplyAsync(Func<string?> update, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        string? error = null;
        try
        {
            var usec = Stopwatch.GetTimestamp() * 1_000_000 / Stopwatch.Frequency;
            notifier.Notify($"RELOADING=1\nMONOTONIC_USEC={usec}\nSTATUS=reloading configuration");
            error = update();
            if (error is not null)
            {
                return error;
            }
            foreach (var target in targets)
            {
                try
                {
                    await target.ApplyAsync(store.Current, cancellationToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogError(e, "Applying the configuration to {Target} failed", target.GetType().Name);
                }
            }
            logger.LogInformation("Configuration applied");
            return null;
        }
        finally
        {
            notifier.Notify(error is null
                ? "READY=1\nSTATUS=configuration reloaded"
                : $"READY=1\nSTATUS=configuration reload failed, kept the previous one: {error}");
            _gate.Release();
        }
    }
}
