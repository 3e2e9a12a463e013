namespace Appliance.Drivers.Audio;

/// <summary>
/// Health counters of the audio path, exposed to the admin API. Written by the audio threads with
/// Interlocked, read from anywhere.
/// </summary>
public sealed class AudioCounters
{
    private long overruns;
    private long underruns;
    private long deviceLosses;
    private long reopens;
    private long framesCaptured;
    private long framesPlayed;
    private long droppedBlocks;

    /// <summary>Capture xruns: the device had data the reader was too slow to take.</summary>
    public long Overruns => Interlocked.Read(ref overruns);

    /// <summary>Playback xruns: the device ran dry mid-stream.</summary>
    public long Underruns => Interlocked.Read(ref underruns);

    public long DeviceLosses => Interlocked.Read(ref deviceLosses);

    public long Reopens => Interlocked.Read(ref reopens);

    public long FramesCaptured => Interlocked.Read(ref framesCaptured);

    public long FramesPlayed => Interlocked.Read(ref framesPlayed);

    /// <summary>Blocks thrown away because the consumer of the capture fell behind.</summary>
    public long DroppedBlocks => Interlocked.Read(ref droppedBlocks);

    /// <summary>Time from the last loss to audio flowing again (ms), or null before any loss.</summary>
    public double? LastRecoveryMs { get; internal set; }

    public string? LastError { get; internal set; }

    internal void Overrun() => Interlocked.Increment(ref overruns);

    internal void Underrun() => Interlocked.Increment(ref underruns);

    internal void DeviceLost(string error)
    {
        Interlocked.Increment(ref deviceLosses);
        LastError = error;
    }

    internal void Reopened() => Interlocked.Increment(ref reopens);

    internal void Captured(int frames) => Interlocked.Add(ref framesCaptured, frames);

    internal void Played(int frames) => Interlocked.Add(ref framesPlayed, frames);

    internal void Dropped() => Interlocked.Increment(ref droppedBlocks);

    public IReadOnlyDictionary<string, object?> Snapshot() => new Dictionary<string, object?>
    {
        ["overruns"] = Overruns,
        ["underruns"] = Underruns,
        ["device_losses"] = DeviceLosses,
        ["reopens"] = Reopens,
        ["frames_captured"] = FramesCaptured,
        ["frames_played"] = FramesPlayed,
        ["dropped_blocks"] = DroppedBlocks,
        ["last_recovery_ms"] = LastRecoveryMs,
        ["last_error"] = LastError,
    };
}
