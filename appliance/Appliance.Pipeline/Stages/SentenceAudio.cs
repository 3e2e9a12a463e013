using Appliance.Core.Speech;

namespace Appliance.Pipeline.Stages;

/// <summary>A piece of a sentence's synthesised audio; the last piece of a sentence has <see cref="Last"/> set.</summary>
public sealed record SentenceAudio(SpokenSentence Sentence, string SpokenText, float[] Samples, int SampleRate, IReadOnlyList<PhonemeMark> Phonemes, bool First, bool Last);
