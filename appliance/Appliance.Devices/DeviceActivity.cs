using Appliance.Devices.Leds;
using Appliance.Devices.Updates;
using Appliance.Service.Runtime;

namespace Appliance.Devices;

/// <summary>What the devices add to systemd's STATUS= line: a provisioning apply in progress, a ring that is missing.</summary>
public sealed class DeviceActivity(UpdateMonitor updates, LedRing leds) : IServiceActivity
{
    public string? Prefix => updates.Current is { } u ? (u.IsFinal ? u.Label : $"updating · {u.Label}") : null;

    public string? Suffix => leds.Status.StartsWith("unavailable", StringComparison.Ordinal) ? $"leds {leds.Status}" : null;
}
