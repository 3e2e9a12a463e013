namespace Appliance.Service.Hosting;

/// <summary>When this process started serving (uptime on the status page).</summary>
public sealed class ServiceClock
{
    public DateTimeOffset StartedAt { get; } = DateTimeOffset.UtcNow;

    public long StartTimestamp { get; } = System.Diagnostics.Stopwatch.GetTimestamp();

    public TimeSpan Uptime => System.Diagnostics.Stopwatch.GetElapsedTime(StartTimestamp);
}
