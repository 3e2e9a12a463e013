namespace Appliance.Provisioning.Apply;

public enum ProvisioningPhase
{
    Validating,
    Copying,
    Switching,
    Restarting,
    Done,
    Failed,
}

/// <summary>Reported while a stick is applied (console bar, LED progress ring, status line, avatar "updating…").</summary>
public sealed record ProvisioningProgress(ProvisioningPhase Phase, string Detail, long BytesDone = 0, long BytesTotal = 0)
{
    public double Fraction => BytesTotal > 0 ? Math.Clamp((double)BytesDone / BytesTotal, 0, 1) : 0;
}
