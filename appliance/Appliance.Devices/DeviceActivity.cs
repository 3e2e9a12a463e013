using Appliance.Devices.Gpio;
using Appliance.Devices.Leds;
using Appliance.Devices.Updates;
using Appliance.Provisioning.Progress;
using Appliance.Service.Runtime;

namespace Appliance.Devices;

/// <summary>What the devices add to systemd's STATUS= line: a provisioning apply in progress, a ring or GPIO line that is missing.</summary>
public sealed class DeviceActivity(UpdateMonitor updates, LedRing leds, GpioControls? gpio = null) : IServiceActivity
{
    public string? Prefix => UpdatePrefix(updates.Current);

    public string? Suffix
    {
        get
        {
            var problems = new List<string>();
            if (leds.Status.StartsWith("unavailable", StringComparison.Ordinal))
            {
                problems.Add($"leds {leds.Status}");
            }
            // "presence: unavailable (cannot open /dev/gpiochip0)" → "gpio presence unavailable (…)"
            problems.AddRange((gpio?.Status ?? []).Where(s => s.Contains(": unavailable", StringComparison.Ordinal))
                .Select(s => "gpio " + s.Replace(": unavailable", " unavailable", StringComparison.Ordinal)));
            return problems.Count > 0 ? string.Join(" · ", problems) : null;
        }
    }

    /// <summary>"updating · copying models 42 %" while an apply runs, its outcome for a while after.</summary>
    public static string? UpdatePrefix(ProvisioningStatus? update) =>
        update is null ? null : update.IsFinal ? update.Label : $"updating · {update.Label}";
}
