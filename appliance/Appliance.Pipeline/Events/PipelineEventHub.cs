namespace Appliance.Pipeline.Events;

/// <summary>Fans every published event out to all current subscribers (and an optional synchronous observer for tests/logs).</summary>
public sealed class PipelineEventHub : IPipelineEventSink, IPipelineEventStream
{
    private readonly Lock _gate = new();
    private PipelineSubscription[] _subscribers = [];

    /// <summary>Called synchronously on the publishing thread; keep it cheap.</summary>
    public event Action<PipelineEvent>? Published;

    public PipelineSubscription Subscribe(int capacity = 1024)
    {
        var subscription = new PipelineSubscription(capacity, Remove);
        lock (_gate)
        {
            _subscribers = [.. _subscribers, subscription];
        }
        return subscription;
    }

    public void Publish(PipelineEvent e)
    {
        foreach (var s in Volatile.Read(ref _subscribers))
        {
            s.Offer(e);
        }
        Published?.Invoke(e);
    }

    private void Remove(PipelineSubscription subscription)
    {
        lock (_gate)
        {
            _subscribers = _subscribers.Where(s => s != subscription).ToArray();
        }
    }
}
