using System.Threading.Channels;

namespace Appliance.Pipeline.Events;

/// <summary>One subscriber's queue of events: read <see cref="Reader"/>; dispose to unsubscribe.</summary>
public sealed class PipelineSubscription : IDisposable
{
    private readonly Action<PipelineSubscription> _unsubscribe;
    private readonly Channel<PipelineEvent> _channel;

    internal PipelineSubscription(int capacity, Action<PipelineSubscription> unsubscribe)
    {
        _unsubscribe = unsubscribe;
        _channel = Channel.CreateBounded<PipelineEvent>(new BoundedChannelOptions(capacity)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
            SingleWriter = false,
        });
    }

    public ChannelReader<PipelineEvent> Reader => _channel.Reader;

    internal void Offer(PipelineEvent e) => _channel.Writer.TryWrite(e);

    public void Dispose()
    {
        _unsubscribe(this);
        _channel.Writer.TryComplete();
    }
}
