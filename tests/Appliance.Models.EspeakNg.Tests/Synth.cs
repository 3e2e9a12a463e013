using Appliance.Core.Speech;

namespace Appliance.Models.EspeakNg.Tests;

/// <summary>Collects a whole utterance from the streaming API.</summary>
internal static class Synth
{
    public static async Task<(float[] Samples, List<PhonemeMark> Phonemes, int Chunks)> All(ISpeechSynthesizer tts, string text, SynthesisOptions options)
    {
        var samples = new List<float>();
        var phonemes = new List<PhonemeMark>();
        var chunks = 0;
        await foreach (var chunk in tts.SynthesizeAsync(text, options))
        {
            Assert.Equal(tts.SampleRate, chunk.SampleRate);
            samples.AddRange(chunk.Samples);
            phonemes.AddRange(chunk.Phonemes);
            chunks++;
        }
        return (samples.ToArray(), phonemes, chunks);
    }

    public static double Rms(float[] samples) => samples.Length == 0 ? 0 : Math.Sqrt(samples.Sum(s => (double)s * s) / samples.Length);
}
