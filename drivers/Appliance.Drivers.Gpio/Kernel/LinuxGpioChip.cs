using Appliance.Drivers.Linux.Interop;
using Microsoft.Win32.SafeHandles;

namespace Appliance.Drivers.Gpio.Kernel;

/// <summary>/dev/gpiochipN through the v2 character-device ioctls.</summary>
public sealed unsafe class LinuxGpioChip : IGpioChip
{
    private readonly SafeFileHandle _fd;

    public LinuxGpioChip(string path)
    {
        var fd = Libc.open(path, Libc.O_RDWR | Libc.O_CLOEXEC);
        if (fd < 0)
        {
            var available = Directory.Exists("/dev") ? string.Join(", ", Directory.GetFiles("/dev", "gpiochip*")) : "";
            throw new IOException($"cannot open GPIO chip {path}: {Libc.LastError()}; chips present: {(available.Length > 0 ? available : "none")}");
        }
        _fd = new SafeFileHandle(fd, ownsHandle: true);
        Path = path;
    }

    public string Path { get; }

    public gpiochip_info GetInfo()
    {
        gpiochip_info info;
        Check(Libc.ioctl(Fd, GpioIoctl.GPIO_GET_CHIPINFO_IOCTL, &info), "read chip info");
        return info;
    }

    public IGpioLineHandle RequestLines(in gpio_v2_line_request request)
    {
        var copy = request;
        Check(Libc.ioctl(Fd, GpioIoctl.GPIO_V2_GET_LINE_IOCTL, &copy), $"request line(s) {copy.offsets[0]}..");
        return new LineHandle(new SafeFileHandle(copy.fd, ownsHandle: true), Path);
    }

    public void Dispose() => _fd.Dispose();

    private int Fd => (int)_fd.DangerousGetHandle();

    private void Check(int result, string what)
    {
        if (result < 0)
        {
            throw new IOException($"GPIO {Path}: cannot {what}: {Libc.LastError()}");
        }
    }

    private sealed class LineHandle(SafeFileHandle fd, string chip) : IGpioLineHandle
    {
        private int Fd => (int)fd.DangerousGetHandle();

        public gpio_v2_line_values GetValues(ulong mask)
        {
            var values = new gpio_v2_line_values { mask = mask };
            if (Libc.ioctl(Fd, GpioIoctl.GPIO_V2_LINE_GET_VALUES_IOCTL, &values) < 0)
            {
                throw new IOException($"GPIO {chip}: cannot read line values: {Libc.LastError()}");
            }
            return values;
        }

        public void SetValues(gpio_v2_line_values values)
        {
            if (Libc.ioctl(Fd, GpioIoctl.GPIO_V2_LINE_SET_VALUES_IOCTL, &values) < 0)
            {
                throw new IOException($"GPIO {chip}: cannot set line values: {Libc.LastError()}");
            }
        }

        public bool WaitForEvent(TimeSpan timeout, out gpio_v2_line_event lineEvent)
        {
            lineEvent = default;
            var pfd = new Libc.pollfd { fd = Fd, events = Libc.POLLIN };
            var ready = Libc.poll(&pfd, 1, (int)Math.Clamp(timeout.TotalMilliseconds, 0, int.MaxValue));
            if (ready < 0)
            {
                throw new IOException($"GPIO {chip}: waiting for events failed: {Libc.LastError()}");
            }
            if (ready == 0)
            {
                return false;
            }
            gpio_v2_line_event ev;
            var n = Libc.read(Fd, &ev, (nuint)sizeof(gpio_v2_line_event));
            if (n != sizeof(gpio_v2_line_event))
            {
                throw new IOException($"GPIO {chip}: short event read ({n} bytes): {Libc.LastError()}");
            }
            lineEvent = ev;
            return true;
        }

        public void Dispose() => fd.Dispose();
    }
}
