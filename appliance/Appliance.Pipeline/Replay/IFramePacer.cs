namespace Appliance.Pipeline.Replay;

/// <summary>
/// How a scripted microphone waits for the moment a block of audio would have been captured:
/// in real time for replay, by moving a virtual clock in tests.
/// </summary>
public interface IFramePacer
{
    ValueTask WaitUntilAsync(long timestamp, CancellationToken cancellationToken);
}
