using Appliance.Pipeline;
using Appliance.Pipeline.Events;

namespace Appliance.Devices;

/// <summary>What the devices need from the running conversation (the live pipeline implements it).</summary>
public interface IConversationControl
{
    /// <summary>The pipeline's events (state changes, DOA, barge-in...).</summary>
    IPipelineEventStream Events { get; }

    ConversationState State { get; }

    /// <summary>Wakes the kiosk from idle as a wake word would (presence sensor, push-to-talk); no-op when not running.</summary>
    void Wake(string cause);
}
