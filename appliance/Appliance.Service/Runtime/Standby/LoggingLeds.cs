using Microsoft.Extensions.Logging;

namespace Appliance.Service.Runtime.Standby;

/// <summary>LED control until the LED driver is wired: accepts the known patterns and logs them.</summary>
public sealed class LoggingLeds(ILogger<LoggingLeds> logger) : ILedControl
{
    public IReadOnlyList<string> Patterns { get; } = ["off", "all-on", "rainbow", "chase", "states"];

    public Task RunTestPatternAsync(string pattern, int durationMs, CancellationToken cancellationToken)
    {
        logger.LogInformation("LED test pattern {Pattern} for {Duration} ms (no LED driver wired)", pattern, durationMs);
        return Task.CompletedTask;
    }
}
