namespace Appliance.Drivers.Gpio.Lines;

public enum GpioBias
{
    AsIs,
    PullUp,
    PullDown,
    Disabled,
}

/// <summary>One line as configured (provisioning.yaml gpio section).</summary>
/// <param name="Chip">Character device, e.g. /dev/gpiochip0.</param>
/// <param name="Offset">Line offset on that chip.</param>
/// <param name="ActiveLow">True when the asserted state is electrically low (buttons to ground).</param>
/// <param name="DebounceMs">Kernel debounce period for inputs, 0 for none.</param>
public sealed record GpioLineSettings(string Chip, uint Offset, bool ActiveLow = false, GpioBias Bias = GpioBias.AsIs, int DebounceMs = 0)
{
    public void Validate(string role)
    {
        if (string.IsNullOrWhiteSpace(Chip) || !Chip.StartsWith("/dev/gpiochip", StringComparison.Ordinal))
        {
            throw new ArgumentException($"gpio {role}: chip must be a /dev/gpiochipN path, not '{Chip}'");
        }
        if (Offset > 1023)
        {
            throw new ArgumentException($"gpio {role}: line offset {Offset} is out of range");
        }
        if (DebounceMs is < 0 or > 1000)
        {
            throw new ArgumentException($"gpio {role}: debounce {DebounceMs} ms is out of range (0..1000)");
        }
    }
}
