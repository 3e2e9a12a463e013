using Appliance.Devices;
using Appliance.Drivers.Dsp;
using Appliance.Pipeline;
using Appliance.Pipeline.Events;

namespace Appliance.Host.Runtime;

/// <summary>The live pipeline as the devices see it: events, state, waking (presence sensor, push-to-talk), DOA for the LED ring.</summary>
internal sealed partial class LivePipeline : IConversationControl
{
    /// <summary>A new direction is published when it moved this far or this long after the last one (the avatar's gaze and the ring follow it).</summary>
    private const double DoaStepDegrees = 5;
    private static readonly TimeSpan DoaRefresh = TimeSpan.FromMilliseconds(250);

    private volatile ConversationEngine? _engine;
    private double _lastDoa = double.NaN;
    private long _lastDoaAt;

    public IPipelineEventStream Events => _events;

    public ConversationState State => _running && _engine is { } engine ? engine.State : ConversationState.Idle;

    public void Wake(string cause)
    {
        if (_running && _engine is { } engine)
        {
            engine.NotifyPresence();
        }
    }

    private void OnDoa(DoaEstimate doa)
    {
        var now = _clock.GetTimestamp();
        if (!double.IsNaN(_lastDoa) && Math.Abs(doa.AngleDegrees - _lastDoa) < DoaStepDegrees && _clock.GetElapsedTime(_lastDoaAt, now) < DoaRefresh)
        {
            return;
        }
        _lastDoa = doa.AngleDegrees;
        _lastDoaAt = now;
        // The front end measures counter-clockwise from mic 0 (ArrayShape.Circular); the event is clockwise
        // from straight ahead, with mic 0 installed facing the visitor (leds.zero_degrees_led faces it too).
        _events.Publish(new DirectionOfArrival(now, 0, (360 - doa.AngleDegrees % 360) % 360));
    }
}
