using Appliance.Drivers.Leds.Strips;

namespace Appliance.Drivers.Leds.Patterns;

/// <summary>Colours and geometry of a ring; comes from configuration (provisioning.yaml leds section).</summary>
/// <param name="ZeroDegreesLed">Index of the LED that points at 0° of the microphone array.</param>
/// <param name="Clockwise">True when LED indices increase clockwise seen from the front (DOA angles grow counter-clockwise).</param>
public sealed record LedTheme(
    Rgb Idle,
    Rgb Listening,
    Rgb Thinking,
    Rgb Speaking,
    Rgb Error,
    Rgb Progress,
    int ZeroDegreesLed = 0,
    bool Clockwise = false,
    double MaxLevel = 0.6)
{
    public static LedTheme Default { get; } = new(
        Idle: new Rgb(0x30, 0x60, 0xFF),
        Listening: new Rgb(0x00, 0xD0, 0xFF),
        Thinking: new Rgb(0xA0, 0x40, 0xFF),
        Speaking: new Rgb(0x20, 0xFF, 0x80),
        Error: new Rgb(0xFF, 0x10, 0x00),
        Progress: new Rgb(0xFF, 0x90, 0x00));
}
