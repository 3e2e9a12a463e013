using System.Runtime.InteropServices;
using Appliance.Drivers.Leds.Spi;
using Appliance.TestSupport;

namespace Appliance.Drivers.Leds.Tests;

/// <summary>spi_ioc_transfer and the spidev request codes against linux/spi/spidev.h.</summary>
public class KernelAbiTests
{
    private const string Probe = """
        #include <stdio.h>
        #include <stddef.h>
        #include <linux/spi/spidev.h>
        #define OFF(f) printf("off_" #f " %zu\n", offsetof(struct spi_ioc_transfer, f))
        int main(void) {
          printf("size %zu\n", sizeof(struct spi_ioc_transfer));
          OFF(tx_buf); OFF(rx_buf); OFF(len); OFF(speed_hz); OFF(delay_usecs); OFF(bits_per_word);
          OFF(cs_change); OFF(tx_nbits); OFF(rx_nbits); OFF(word_delay_usecs); OFF(pad);
          printf("SPI_IOC_MESSAGE_1 %lu\n", (unsigned long)SPI_IOC_MESSAGE(1));
          printf("SPI_IOC_MESSAGE_4 %lu\n", (unsigned long)SPI_IOC_MESSAGE(4));
          printf("SPI_IOC_WR_MODE %lu\n", (unsigned long)SPI_IOC_WR_MODE);
          printf("SPI_IOC_WR_BITS_PER_WORD %lu\n", (unsigned long)SPI_IOC_WR_BITS_PER_WORD);
          printf("SPI_IOC_WR_MAX_SPEED_HZ %lu\n", (unsigned long)SPI_IOC_WR_MAX_SPEED_HZ);
          return 0;
        }
        """;

    private static readonly Lazy<IReadOnlyDictionary<string, long>> C = new(() => NativeProbe.Run(Probe));

    [Theory]
    [InlineData("tx_buf")]
    [InlineData("rx_buf")]
    [InlineData("len")]
    [InlineData("speed_hz")]
    [InlineData("delay_usecs")]
    [InlineData("bits_per_word")]
    [InlineData("cs_change")]
    [InlineData("tx_nbits")]
    [InlineData("rx_nbits")]
    [InlineData("word_delay_usecs")]
    [InlineData("pad")]
    public void Field_offsets_match_the_header(string field)
    {
        Assert.Equal(C.Value["off_" + field], (long)Marshal.OffsetOf<spi_ioc_transfer>(field));
    }

    [Fact]
    public void Size_matches_the_header()
    {
        Assert.Equal(C.Value["size"], Marshal.SizeOf<spi_ioc_transfer>());
    }

    [Fact]
    public void Request_codes_match_the_header()
    {
        Assert.Equal(C.Value["SPI_IOC_MESSAGE_1"], (long)SpidevIoctl.SPI_IOC_MESSAGE(1));
        Assert.Equal(C.Value["SPI_IOC_MESSAGE_4"], (long)SpidevIoctl.SPI_IOC_MESSAGE(4));
        Assert.Equal(C.Value["SPI_IOC_WR_MODE"], (long)SpidevIoctl.SPI_IOC_WR_MODE);
        Assert.Equal(C.Value["SPI_IOC_WR_BITS_PER_WORD"], (long)SpidevIoctl.SPI_IOC_WR_BITS_PER_WORD);
        Assert.Equal(C.Value["SPI_IOC_WR_MAX_SPEED_HZ"], (long)SpidevIoctl.SPI_IOC_WR_MAX_SPEED_HZ);
    }

    [Fact]
    public void Opening_a_missing_spidev_names_the_path_and_errno()
    {
        var e = Assert.Throws<IOException>(() => new SpidevDevice("/dev/spidev-missing.0", 8_000_000));
        Assert.Contains("/dev/spidev-missing.0", e.Message);
        Assert.Contains("No such file", e.Message);
    }
}
