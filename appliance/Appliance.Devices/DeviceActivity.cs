using Appliance.Devices.Leds;
using Appliance.Devices.Updates;
using Appliance.Provisioning.Progress;
using Appliance.Service.Runtime;

namespace Appliance.Devices;

/// <summary>What the devices add to systemd's STATUS= line: a provisioning apply in progress, a ring that is missing.</summary>
public sealed class DeviceActivity(UpdateMonitor updates, LedRing leds) : IServiceActivity
{
    public string? Prefix => UpdatePrefix(updates.Current);

    public string? Suffix => leds.Status.StartsWith("unavailable", StringComparison.Ordinal) ? $"leds {leds.Status}" : null;

    /// <summary>"updating · copying models 42 %" while an apply runs, its outcome for a while after.</summary>
    public static string? UpdatePrefix(ProvisioningStatus? update) =>
        update is null ? null : update.IsFinal ? update.Label : $"updating · {update.Label}";
}
