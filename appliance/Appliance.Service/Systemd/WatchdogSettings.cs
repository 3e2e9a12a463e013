using System.Globalization;

namespace Appliance.Service.Systemd;

/// <summary>
/// sd_watchdog_enabled(3): WATCHDOG_USEC gives the timeout; WATCHDOG_PID, when set, must be our pid.
/// We ping at half the timeout, as systemd recommends.
/// </summary>
public sealed record WatchdogSettings(TimeSpan Timeout)
{
    public TimeSpan PingInterval => Timeout / 2;

    public static WatchdogSettings? FromEnvironment()
        => Parse(Environment.GetEnvironmentVariable("WATCHDOG_USEC"), Environment.GetEnvironmentVariable("WATCHDOG_PID"), Environment.ProcessId);

    public static WatchdogSettings? Parse(string? usec, string? pid, int ownPid)
    {
        if (!long.TryParse(usec, NumberStyles.None, CultureInfo.InvariantCulture, out var micros) || micros <= 0)
        {
            return null;
        }
        if (!string.IsNullOrEmpty(pid) && (!int.TryParse(pid, NumberStyles.None, CultureInfo.InvariantCulture, out var p) || p != ownPid))
        {
            return null;
        }
        return new WatchdogSettings(TimeSpan.FromTicks(micros * 10));
    }
}
