namespace Appliance.Service.Runtime;

/// <summary>The LED ring's test patterns (technician check after installation).</summary>
public interface ILedControl
{
    IReadOnlyList<string> Patterns { get; }

    Task RunTestPatternAsync(string pattern, int durationMs, CancellationToken cancellationToken);
}
