namespace Appliance.Pipeline;

public enum WakeMode
{
    /// <summary>Any speech wakes the kiosk (the default for a booth).</summary>
    Speech,

    /// <summary>In the idle state only the wake word (or presence) wakes it.</summary>
    WakeWord,
}
