using Appliance.Provisioning.Apply;

namespace Appliance.Provisioning.Progress;

/// <summary>
/// Publishes an apply's progress to the status file for the running service (LED ring, STATUS= line,
/// avatar "updating…"). Writes only when the phase or the whole percentage changes, so a multi-GB copy
/// costs about a hundred small renames. A status file that cannot be written (no /run/appliance-provision
/// on a developer machine) is reported once and never fails the apply.
/// </summary>
public sealed class StatusFilePublisher(string path, bool dryRun, Action<string>? warn = null, TimeProvider? clock = null) : IProgress<ProvisioningProgress>
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private ProvisioningPhase? _phase;
    private int _percent = -1;
    private bool _broken;

    public string Path => path;

    /// <summary>Files written so far.</summary>
    public int Writes { get; private set; }

    public void Report(ProvisioningProgress value)
    {
        var status = ProvisioningStatusFile.From(value, dryRun, _clock.GetUtcNow());
        if (_broken || (value.Phase == _phase && status.CopyPercent == _percent))
        {
            return;
        }
        _phase = value.Phase;
        _percent = status.CopyPercent;
        try
        {
            ProvisioningStatusFile.Write(path, status);
            Writes++;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _broken = true;
            warn?.Invoke($"progress for the running service not published ({path}: {e.Message})");
        }
    }
}
