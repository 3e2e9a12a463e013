using Appliance.Drivers.Leds.Patterns;
using Appliance.Pipeline;

namespace Appliance.Devices.Leds;

/// <summary>
/// Which pattern the ring shows, by priority: a technician's test pattern, provisioning progress (a
/// failed apply blinks the error pattern), a pipeline fault, privacy mute, then the conversation state
/// (idle breathing, listening toward the talker, thinking spinner, speaking pulse with the heard level).
/// </summary>
public static class LedSceneSelector
{
    public static LedScene Select(LedInputs i)
    {
        if (i.TestPattern is { } pattern)
        {
            return new LedScene(LedState.Test, TestPattern: pattern);
        }
        if (i.Update is { } update)
        {
            return update.Phase == Provisioning.Apply.ProvisioningPhase.Failed
                ? new LedScene(LedState.Error)
                : new LedScene(LedState.Provisioning, Progress: update.Fraction);
        }
        if (i.Faulted)
        {
            return new LedScene(LedState.Error);
        }
        if (i.Muted)
        {
            return new LedScene(LedState.Muted);
        }
        return i.State switch
        {
            ConversationState.Listening => new LedScene(LedState.Listening, DoaDegrees: RingDegrees(i.DoaDegrees)),
            ConversationState.Thinking => new LedScene(LedState.Thinking),
            ConversationState.Speaking => new LedScene(LedState.Speaking, AudioLevel: i.Level),
            _ => new LedScene(LedState.Idle),
        };
    }

    /// <summary>Pipeline DOA (clockwise) → the ring's angle (counter-clockwise from the LED facing 0°).</summary>
    private static double? RingDegrees(double? clockwise) => clockwise is { } d ? (360 - d % 360) % 360 : null;
}
