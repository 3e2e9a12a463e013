using System.Runtime.InteropServices;

namespace Appliance.Drivers.Leds.Spi;

/// <summary>Mirror of struct spi_ioc_transfer (linux/spi/spidev.h); 32 bytes on every ABI.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct spi_ioc_transfer
{
    public ulong tx_buf;
    public ulong rx_buf;
    public uint len;
    public uint speed_hz;
    public ushort delay_usecs;
    public byte bits_per_word;
    public byte cs_change;
    public byte tx_nbits;
    public byte rx_nbits;
    public byte word_delay_usecs;
    public byte pad;
}
