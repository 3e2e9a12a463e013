namespace Appliance.Pipeline.Events;

/// <summary>
/// What the avatar, LED and admin parts subscribe to. Each subscriber gets its own bounded queue; a
/// subscriber that falls behind loses its oldest events (never slows the pipeline). Dispose the
/// subscription to stop.
/// </summary>
public interface IPipelineEventStream
{
    PipelineSubscription Subscribe(int capacity = 1024);
}
