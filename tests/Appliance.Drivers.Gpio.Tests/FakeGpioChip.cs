using System.Collections.Concurrent;
using Appliance.Drivers.Gpio.Kernel;

namespace Appliance.Drivers.Gpio.Tests;

/// <summary>A test double of the ioctl layer: records requests, lets tests inject edge events and read outputs.</summary>
internal sealed class FakeGpioChip : IGpioChip
{
    public List<gpio_v2_line_request> Requests { get; } = [];

    public List<FakeLine> Lines { get; } = [];

    public string Path => "/dev/gpiochip-fake";

    public gpiochip_info GetInfo() => new() { name = GpioName.From("gpiochip9"), label = GpioName.From("fake"), lines = 32 };

    public IGpioLineHandle RequestLines(in gpio_v2_line_request request)
    {
        Requests.Add(request);
        var line = new FakeLine();
        Lines.Add(line);
        return line;
    }

    public void Dispose()
    {
    }

    internal sealed class FakeLine : IGpioLineHandle
    {
        private readonly BlockingCollection<gpio_v2_line_event> _events = new();
        private uint _seq;

        public List<gpio_v2_line_values> Written { get; } = [];

        public ulong Level { get; set; }

        public bool Disposed { get; private set; }

        public void Edge(bool rising, ulong timestampNs, uint? lineSeq = null)
        {
            _seq = lineSeq ?? _seq + 1;
            _events.Add(new gpio_v2_line_event
            {
                id = (uint)(rising ? gpio_v2_line_event_id.GPIO_V2_LINE_EVENT_RISING_EDGE : gpio_v2_line_event_id.GPIO_V2_LINE_EVENT_FALLING_EDGE),
                timestamp_ns = timestampNs,
                line_seqno = _seq,
                seqno = _seq,
            });
        }

        public gpio_v2_line_values GetValues(ulong mask) => new() { bits = Level & mask, mask = mask };

        public void SetValues(gpio_v2_line_values values)
        {
            Written.Add(values);
            Level = values.bits;
        }

        public bool WaitForEvent(TimeSpan timeout, out gpio_v2_line_event lineEvent) => _events.TryTake(out lineEvent, timeout);

        public void Dispose() => Disposed = true;
    }
}
