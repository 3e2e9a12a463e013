using Appliance.Drivers.Linux.Interop;

namespace Appliance.Drivers.Gpio.Kernel;

/// <summary>Request codes from linux/gpio.h (type 0xB4).</summary>
public static unsafe class GpioIoctl
{
    private const uint Magic = 0xB4;

    public static readonly nuint GPIO_GET_CHIPINFO_IOCTL = Ioc.IOR(Magic, 0x01, (uint)sizeof(gpiochip_info));
    public static readonly nuint GPIO_V2_GET_LINE_IOCTL = Ioc.IOWR(Magic, 0x07, (uint)sizeof(gpio_v2_line_request));
    public static readonly nuint GPIO_V2_LINE_SET_CONFIG_IOCTL = Ioc.IOWR(Magic, 0x0D, (uint)sizeof(gpio_v2_line_config));
    public static readonly nuint GPIO_V2_LINE_GET_VALUES_IOCTL = Ioc.IOWR(Magic, 0x0E, (uint)sizeof(gpio_v2_line_values));
    public static readonly nuint GPIO_V2_LINE_SET_VALUES_IOCTL = Ioc.IOWR(Magic, 0x0F, (uint)sizeof(gpio_v2_line_values));
}
