namespace Appliance.Devices.Gpio;

/// <summary>
/// The amplifier enable line's policy: on as soon as a reply is coming (the pipeline starts thinking,
/// or audio is about to be queued), so it has settled before the first sample without delaying it;
/// off once nothing has played and nothing was pending for <c>offAfter</c> (amplifiers hiss and draw
/// power when idle, and switching on and off for every sentence would pop).
/// </summary>
public sealed class AmplifierSwitch(Action<bool> drive, TimeSpan offAfter, TimeProvider? clock = null)
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private readonly Lock _gate = new();
    private long _lastBusy;

    public bool On { get; private set; }

    /// <summary>Audio is coming: switch on now (no-op when on).</summary>
    public void Demand()
    {
        lock (_gate)
        {
            _lastBusy = _clock.GetTimestamp();
            if (!On)
            {
                drive(true);
                On = true;
            }
        }
    }

    /// <summary>Called periodically: <paramref name="busy"/> while playing or a reply is being prepared.</summary>
    public void Poll(bool busy)
    {
        lock (_gate)
        {
            if (busy)
            {
                _lastBusy = _clock.GetTimestamp();
                return;
            }
            if (On && _clock.GetElapsedTime(_lastBusy) >= offAfter)
            {
                drive(false);
                On = false;
            }
        }
    }
}
