namespace Appliance.Core.Speech;

/// <summary>Turns a sentence into audio, streaming chunks as they are ready.</summary>
public interface ISpeechSynthesizer : IDisposable
{
    string Name { get; }

    /// <summary>Output sample rate of every chunk.</summary>
    int SampleRate { get; }

    IReadOnlyList<string> Languages { get; }

    IAsyncEnumerable<SynthesisChunk> SynthesizeAsync(string text, SynthesisOptions options, CancellationToken cancellationToken = default);
}

/// <param name="Language">BCP 47 language of the text ("en", "zh").</param>
/// <param name="Voice">Engine-specific voice name; null for the configured default.</param>
/// <param name="Emotion">Affects prosody (rate/pitch) where the engine supports it.</param>
/// <param name="Rate">Speed multiplier, 1 = normal.</param>
/// <param name="Pitch">Pitch multiplier, 1 = normal.</param>
public sealed record SynthesisOptions(string Language = "en", string? Voice = null, Emotion Emotion = Emotion.Neutral, double Rate = 1.0, double Pitch = 1.0);

/// <summary>
/// Audio and the phonemes that start inside it. <see cref="PhonemeMark.SampleOffset"/> counts from the
/// first sample of the utterance (not of the chunk), so the animation timeline can be built directly.
/// </summary>
public sealed record SynthesisChunk(float[] Samples, int SampleRate, IReadOnlyList<PhonemeMark> Phonemes);

/// <param name="Phoneme">The engine's phoneme symbol (espeak-ng uses its own mnemonic set, IPA where available).</param>
/// <param name="SampleOffset">First sample of the phoneme, from the start of the utterance.</param>
public sealed record PhonemeMark(string Phoneme, long SampleOffset);

/// <summary>Emotions the persona may express; drive prosody, the avatar's face and the LEDs.</summary>
public enum Emotion
{
    Neutral,
    Happy,
    Sad,
    Surprised,
    Angry,
    Thinking,
}
