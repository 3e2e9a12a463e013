using Appliance.Drivers.Gpio.Kernel;

namespace Appliance.Drivers.Gpio.Lines;

/// <summary>A claimed output line (amplifier enable). Released lines return to the kernel's default.</summary>
public sealed class GpioOutputLine : IDisposable
{
    private readonly IGpioLineHandle _handle;

    public GpioOutputLine(IGpioChip chip, GpioLineSettings line, string consumer, bool initialActive = false)
    {
        line.Validate(consumer);
        Line = line;
        _handle = chip.RequestLines(LineRequests.Output(line, consumer, initialActive));
        IsActive = initialActive;
    }

    public GpioLineSettings Line { get; }

    public bool IsActive { get; private set; }

    public void Set(bool active)
    {
        _handle.SetValues(new gpio_v2_line_values { bits = active ? 1UL : 0UL, mask = 1 });
        IsActive = active;
    }

    /// <summary>Drives the line inactive, then releases it.</summary>
    public void Dispose()
    {
        try
        {
            Set(false);
        }
        finally
        {
            _handle.Dispose();
        }
    }
}
