using System.Threading.Channels;
using Appliance.Drivers.Gpio.Kernel;

namespace Appliance.Drivers.Gpio.Lines;

/// <summary>
/// A claimed input line with edge events (push-to-talk, mute, PIR). A dedicated thread waits on the
/// line's fd (poll with a short timeout so disposal is prompt) and publishes edges to
/// <see cref="Edges"/>; no thread-pool thread blocks on the kernel.
/// </summary>
public sealed class GpioInputLine : IDisposable
{
    private static readonly TimeSpan PollSlice = TimeSpan.FromMilliseconds(100);
    private readonly IGpioLineHandle _handle;
    private readonly Channel<GpioEdge> _edges = Channel.CreateBounded<GpioEdge>(new BoundedChannelOptions(64) { FullMode = BoundedChannelFullMode.DropOldest });
    private readonly Thread _reader;
    private volatile bool _stopping;
    private uint _lastSequence;

    public GpioInputLine(IGpioChip chip, GpioLineSettings line, string consumer)
    {
        line.Validate(consumer);
        Line = line;
        _handle = chip.RequestLines(LineRequests.Input(line, consumer));
        _reader = new Thread(ReadLoop) { IsBackground = true, Name = $"gpio {consumer}" };
        _reader.Start();
    }

    public GpioLineSettings Line { get; }

    /// <summary>Edges lost because the kernel's event buffer overflowed.</summary>
    public long Missed { get; private set; }

    public ChannelReader<GpioEdge> Edges => _edges.Reader;

    /// <summary>The current logical state.</summary>
    public bool IsActive => (_handle.GetValues(1).bits & 1) == 1;

    public void Dispose()
    {
        _stopping = true;
        _reader.Join();
        _handle.Dispose();
        _edges.Writer.TryComplete();
    }

    private void ReadLoop()
    {
        try
        {
            while (!_stopping)
            {
                if (!_handle.WaitForEvent(PollSlice, out var ev))
                {
                    continue;
                }
                if (_lastSequence != 0 && ev.line_seqno > _lastSequence + 1)
                {
                    Missed += ev.line_seqno - _lastSequence - 1;
                }
                _lastSequence = ev.line_seqno;
                var active = ev.id == (uint)gpio_v2_line_event_id.GPIO_V2_LINE_EVENT_RISING_EDGE;
                _edges.Writer.TryWrite(new GpioEdge(active, ev.timestamp_ns, ev.line_seqno));
            }
        }
        catch (Exception e)
        {
            _edges.Writer.TryComplete(e);
        }
    }
}
