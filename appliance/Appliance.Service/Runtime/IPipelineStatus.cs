namespace Appliance.Service.Runtime;

/// <summary>Read side of the pipeline's state machine. Must be cheap and thread-safe (called per request).</summary>
public interface IPipelineStatus
{
    PipelineSnapshot Snapshot();
}
