namespace Appliance.Provisioning.Apply;

public enum ProvisioningOutcome
{
    /// <summary>The new configuration is active and the appliance is ready on it.</summary>
    Applied,

    /// <summary>Everything checked (signature, schema, files, hashes, disk); nothing changed.</summary>
    Validated,

    /// <summary>The stick was refused before anything changed.</summary>
    Refused,

    /// <summary>The new configuration did not become ready; the previous one is active again.</summary>
    RolledBack,
}

public sealed record FileRecord(string Field, string Source, string Destination, long Size, string Sha256, string How);

public sealed class ProvisioningResult
{
    public ProvisioningOutcome Outcome { get; set; } = ProvisioningOutcome.Refused;

    public string? DeviceName { get; set; }

    public string? Version { get; set; }

    public string? PreviousVersion { get; set; }

    public string? Signer { get; set; }

    public List<string> Problems { get; } = [];

    public List<string> Notes { get; } = [];

    public List<FileRecord> Files { get; } = [];

    public DateTimeOffset Started { get; set; }

    public TimeSpan Duration { get; set; }

    public string? ReportPath { get; set; }

    public DeviceFacts? Device { get; set; }
}
