namespace Appliance.Drivers.Leds.Strips;

/// <summary>A chain of addressable LEDs: set <see cref="Pixels"/>, then <see cref="Show"/> sends one frame.</summary>
public interface ILedStrip : IDisposable
{
    int Count { get; }

    Span<Rgb> Pixels { get; }

    void Show();
}
