using Appliance.Drivers.Linux.Interop;
using Microsoft.Win32.SafeHandles;

namespace Appliance.Drivers.Leds.Spi;

/// <summary>
/// A Linux spidev node (/dev/spidevB.C). Each <see cref="Write"/> is one SPI_IOC_MESSAGE(1) transfer, so a
/// whole LED frame goes out with chip select held (WS2812 timing depends on it).
/// </summary>
public sealed unsafe class SpidevDevice : ISpiDevice
{
    private const string BufSizParameter = "/sys/module/spidev/parameters/bufsiz";
    private readonly SafeFileHandle _fd;
    private readonly int _maxTransfer;

    public SpidevDevice(string path, uint clockHz, byte mode = 0)
    {
        var fd = Libc.open(path, Libc.O_RDWR | Libc.O_CLOEXEC);
        if (fd < 0)
        {
            throw new IOException($"cannot open SPI device {path}: {Libc.LastError()} (is the spidev overlay enabled and the service in group 'spi'?)");
        }
        _fd = new SafeFileHandle(fd, ownsHandle: true);
        ClockHz = clockHz;
        Path = path;
        byte bits = 8;
        Configure(SpidevIoctl.SPI_IOC_WR_MODE, &mode, "mode");
        Configure(SpidevIoctl.SPI_IOC_WR_BITS_PER_WORD, &bits, "bits per word");
        Configure(SpidevIoctl.SPI_IOC_WR_MAX_SPEED_HZ, &clockHz, "clock");
        _maxTransfer = File.Exists(BufSizParameter) && int.TryParse(File.ReadAllText(BufSizParameter).Trim(), out var b) ? b : 4096;
    }

    public string Path { get; }

    public uint ClockHz { get; }

    public void Write(ReadOnlySpan<byte> data)
    {
        if (data.Length > _maxTransfer)
        {
            throw new InvalidOperationException(
                $"an LED frame of {data.Length} bytes exceeds spidev's buffer of {_maxTransfer} bytes; " +
                "raise it with the kernel parameter spidev.bufsiz=65536 or use fewer LEDs");
        }
        fixed (byte* p = data)
        {
            var transfer = new spi_ioc_transfer
            {
                tx_buf = (ulong)p,
                len = (uint)data.Length,
                speed_hz = ClockHz,
                bits_per_word = 8,
            };
            if (Libc.ioctl((int)_fd.DangerousGetHandle(), SpidevIoctl.SPI_IOC_MESSAGE(1), &transfer) < 0)
            {
                throw new IOException($"SPI write of {data.Length} bytes to {Path} failed: {Libc.LastError()}");
            }
        }
    }

    public void Dispose() => _fd.Dispose();

    private void Configure(nuint request, void* value, string what)
    {
        if (Libc.ioctl((int)_fd.DangerousGetHandle(), request, value) < 0)
        {
            var error = Libc.LastError();
            _fd.Dispose();
            throw new IOException($"cannot set SPI {what} on {Path}: {error}");
        }
    }
}
