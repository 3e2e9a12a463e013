namespace Appliance.Service.Runtime;

/// <summary>The conversation state machine as the technician sees it (LEDs and dashboard use the same names).</summary>
public enum PipelineState
{
    Starting,
    Idle,
    Listening,
    Thinking,
    Speaking,
    Error,
    Stopped,
}
