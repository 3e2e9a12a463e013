namespace Appliance.Drivers.Gpio.Kernel;

/// <summary>
/// The ioctl layer of one GPIO chip: the seam between the line logic and the kernel. The real one is
/// <see cref="LinuxGpioChip"/>; tests use a double that records requests and injects events.
/// </summary>
public interface IGpioChip : IDisposable
{
    string Path { get; }

    gpiochip_info GetInfo();

    /// <summary>GPIO_V2_GET_LINE_IOCTL: claims the lines and returns the request's handle.</summary>
    IGpioLineHandle RequestLines(in gpio_v2_line_request request);
}

/// <summary>A granted line request (the fd the kernel returned).</summary>
public interface IGpioLineHandle : IDisposable
{
    gpio_v2_line_values GetValues(ulong mask);

    void SetValues(gpio_v2_line_values values);

    /// <summary>Waits up to <paramref name="timeout"/> for an edge event; false when none came.</summary>
    bool WaitForEvent(TimeSpan timeout, out gpio_v2_line_event lineEvent);
}
