namespace Appliance.Safety;

/// <param name="Allowed">False when the text must not reach the model (input) or the speaker (output).</param>
/// <param name="Text">The text to use when allowed (input: sanitised of control sequences).</param>
/// <param name="Reason">Why it was blocked, e.g. "harmful:violence:bomb", "injection:ignore previous instructions", "too_long:812".</param>
public sealed record GuardVerdict(bool Allowed, string Text, string? Reason = null)
{
    public static GuardVerdict Allow(string text) => new(true, text);

    public static GuardVerdict Block(string text, string reason) => new(false, text, reason);
}
