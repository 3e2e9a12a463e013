namespace Appliance.Pipeline.Events;

/// <summary>Where pipeline parts (and the DSP front end, for DOA) publish events. Never blocks.</summary>
public interface IPipelineEventSink
{
    void Publish(PipelineEvent e);
}
