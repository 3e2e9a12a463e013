namespace Appliance.Drivers.Leds.Patterns;

/// <summary>What the LEDs show; follows the conversation state machine plus service conditions.</summary>
public enum LedState
{
    Off,
    Idle,
    Listening,
    Thinking,
    Speaking,
    Error,
    Provisioning,

    /// <summary>Privacy mute (the mute button): the kiosk does not listen.</summary>
    Muted,

    /// <summary>A technician's test pattern (<see cref="LedScene.TestPattern"/>, one of <see cref="TestPatterns.Names"/>).</summary>
    Test,
}

/// <summary>
/// Everything a pattern depends on besides time.
/// </summary>
/// <param name="DoaDegrees">Direction of the speaker (0° = LED 0's direction, counter-clockwise), when known.</param>
/// <param name="AudioLevel">Playback level 0..1 while speaking.</param>
/// <param name="Progress">Provisioning progress 0..1.</param>
/// <param name="TestPattern">The test pattern shown in <see cref="LedState.Test"/>.</param>
public sealed record LedScene(LedState State, double? DoaDegrees = null, double AudioLevel = 0, double Progress = 0, string? TestPattern = null)
{
    public static LedScene Off { get; } = new(LedState.Off);
}
