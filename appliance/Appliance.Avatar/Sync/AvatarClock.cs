namespace Appliance.Avatar.Sync;

/// <summary>
/// The server clock the page synchronises to: milliseconds of the appliance's monotonic clock
/// (<see cref="TimeProvider.GetTimestamp"/>) since this object was created. Monotonic, so a wall-clock
/// (NTP) step never makes the mouth jump.
/// </summary>
public sealed class AvatarClock(TimeProvider time)
{
    private readonly long _origin = time.GetTimestamp();

    public static AvatarClock System { get; } = new(TimeProvider.System);

    public TimeProvider Time => time;

    public double NowMs => ToMs(time.GetTimestamp());

    public double ToMs(long timestamp) => (timestamp - _origin) * 1000.0 / time.TimestampFrequency;
}
