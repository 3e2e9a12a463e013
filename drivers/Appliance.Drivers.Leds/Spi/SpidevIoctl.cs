using Appliance.Drivers.Linux.Interop;

namespace Appliance.Drivers.Leds.Spi;

/// <summary>spidev request codes (linux/spi/spidev.h), built with the generic _IOC encoding.</summary>
internal static unsafe class SpidevIoctl
{
    private const uint Magic = 'k';

    public static nuint SPI_IOC_MESSAGE(int n) => Ioc.IOW(Magic, 0, (uint)(n * sizeof(spi_ioc_transfer)));

    public static readonly nuint SPI_IOC_WR_MODE = Ioc.IOW(Magic, 1, 1);
    public static readonly nuint SPI_IOC_WR_BITS_PER_WORD = Ioc.IOW(Magic, 3, 1);
    public static readonly nuint SPI_IOC_WR_MAX_SPEED_HZ = Ioc.IOW(Magic, 4, 4);
}
