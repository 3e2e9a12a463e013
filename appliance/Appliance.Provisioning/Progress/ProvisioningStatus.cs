using System.Globalization;
using Appliance.Provisioning.Apply;

namespace Appliance.Provisioning.Progress;

/// <summary>
/// What `appliance provision` is doing, as the running service reads it from the status file: the
/// phase, a byte count, the writing process and when it last wrote. <see cref="Label"/> is the text a
/// visitor and a technician see ("copying models 42 %").
/// </summary>
/// <param name="Outcome">Applied, Validated, Refused or RolledBack once the phase is Done/Failed.</param>
/// <param name="DryRun">A stick being checked (`--dry-run`): nothing will change.</param>
public sealed record ProvisioningStatus(
    ProvisioningPhase Phase,
    string Detail,
    long BytesDone,
    long BytesTotal,
    int Pid,
    DateTimeOffset Updated,
    bool DryRun = false,
    string? Outcome = null)
{
    public bool IsFinal => Phase is ProvisioningPhase.Done or ProvisioningPhase.Failed;

    /// <summary>Progress 0..1 over the whole apply (copying is most of it; later phases fill the rest).</summary>
    public double Fraction => Phase switch
    {
        ProvisioningPhase.Validating => 0,
        ProvisioningPhase.Copying => BytesTotal > 0 ? 0.9 * Math.Clamp((double)BytesDone / BytesTotal, 0, 1) : 0,
        ProvisioningPhase.Switching => 0.92,
        ProvisioningPhase.Restarting => 0.95,
        _ => 1,
    };

    public int CopyPercent => BytesTotal > 0 ? (int)Math.Clamp(BytesDone * 100 / BytesTotal, 0, 100) : 0;

    public string Label => Phase switch
    {
        ProvisioningPhase.Validating => "checking the stick",
        ProvisioningPhase.Copying => string.Create(CultureInfo.InvariantCulture, $"{(DryRun ? "verifying" : "copying")} {What} {CopyPercent} %"),
        ProvisioningPhase.Switching => "activating the new configuration",
        ProvisioningPhase.Restarting => "restarting",
        ProvisioningPhase.Done => DryRun ? "stick checked" : "update complete",
        _ => Outcome == nameof(ProvisioningOutcome.RolledBack) ? "update failed, previous configuration restored" : "update refused, see the report on the stick",
    };

    /// <summary>What is being copied, from the destination path (models/llm/x.gguf → models).</summary>
    private string What => Detail.Split('/', '\\')[0] switch
    {
        "models" => "models",
        "knowledge" => "knowledge",
        "safety" => "word lists",
        _ => "files",
    };
}
