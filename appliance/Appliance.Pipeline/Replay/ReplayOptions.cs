namespace Appliance.Pipeline.Replay;

/// <param name="LeadIn">Room silence before the first recording.</param>
/// <param name="Gap">Silence after a reply has finished before the next recording starts.</param>
/// <param name="TurnTimeout">Longest wait for a reply before moving on (a missed utterance).</param>
/// <param name="InterruptPairs">Recordings go in pairs: the second starts <paramref name="InterruptAfter"/> after the first's reply begins to play (scripted barge-in).</param>
/// <param name="InterruptAfter">How long into the reply the interruption starts.</param>
public sealed record ReplayOptions(
    TimeSpan? LeadIn = null,
    TimeSpan? Gap = null,
    TimeSpan? TurnTimeout = null,
    bool InterruptPairs = false,
    TimeSpan? InterruptAfter = null)
{
    public TimeSpan EffectiveLeadIn => LeadIn ?? TimeSpan.FromMilliseconds(500);

    public TimeSpan EffectiveGap => Gap ?? TimeSpan.FromMilliseconds(800);

    public TimeSpan EffectiveTurnTimeout => TurnTimeout ?? TimeSpan.FromSeconds(30);

    public TimeSpan EffectiveInterruptAfter => InterruptAfter ?? TimeSpan.FromMilliseconds(600);
}
