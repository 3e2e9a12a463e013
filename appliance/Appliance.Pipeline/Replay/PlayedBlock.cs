namespace Appliance.Pipeline.Replay;

/// <summary>Audio a simulated speaker played: from stream frame <see cref="StartFrame"/> at monotonic time <see cref="StartTime"/>.</summary>
public sealed class PlayedBlock(long startFrame, long startTime, float[] samples)
{
    public long StartFrame { get; } = startFrame;

    public long StartTime { get; } = startTime;

    public float[] Samples { get; } = samples;

    /// <summary>Frames actually played (less than Samples.Length when a flush cut the block).</summary>
    public int Length { get; set; } = samples.Length;
}
