using Appliance.Core.Speech;
using Appliance.Pipeline.Text;

namespace Appliance.Pipeline.Stages;

/// <param name="Fraction">Where in the sentence the tag sits, 0..1 of its text (mapped to audio frames at playback).</param>
public sealed record TimedTag(AnimationTag Tag, double Fraction);

/// <summary>A tag-free sentence ready for the compliance filter and TTS, with its emotion and tags.</summary>
public sealed record SpokenSentence(int Index, string Text, string Language, Emotion Emotion, IReadOnlyList<TimedTag> Tags);
