using Appliance.Core.Speech;

namespace Appliance.Pipeline.Text;

public enum TagKind
{
    Emotion,
    Gesture,
}

/// <summary>A tag the LLM (or a knowledge answer) wrote: [happy] → Emotion, &lt;gesture:wave&gt; → Gesture "wave".</summary>
public sealed record AnimationTag(TagKind Kind, string Name)
{
    public static readonly IReadOnlyList<string> Gestures = ["wave", "heart", "bow", "point", "akimbo"];

    public Emotion? Emotion => Kind == TagKind.Emotion && Enum.TryParse<Emotion>(Name, ignoreCase: true, out var e) ? e : null;

    /// <summary>The tag for the inside of a bracket pair, or null when it is not one we know.</summary>
    public static AnimationTag? Parse(string inner)
    {
        var text = inner.Trim().ToLowerInvariant();
        if (text.StartsWith("gesture:", StringComparison.Ordinal))
        {
            var name = text["gesture:".Length..].Trim();
            return Gestures.Contains(name) ? new AnimationTag(TagKind.Gesture, name) : null;
        }
        return Enum.TryParse<Emotion>(text, ignoreCase: true, out var emotion) && text.All(char.IsLetter)
            ? new AnimationTag(TagKind.Emotion, emotion.ToString().ToLowerInvariant())
            : null;
    }
}
