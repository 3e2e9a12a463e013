using System.Runtime.CompilerServices;
using Appliance.Core.Speech;

namespace Appliance.TestSupport.Fakes;

/// <summary>
/// A TTS double: every character becomes <paramref name="msPerChar"/> of a 440 Hz tone (so reply audio
/// is audible and its length predictable), in 100 ms chunks, with one phoneme mark per letter.
/// Records what it was asked to say.
/// </summary>
public sealed class FakeSynthesizer(int sampleRate = 16000, int msPerChar = 50) : ISpeechSynthesizer
{
    public string Name => "fake tts";

    public int SampleRate => sampleRate;

    public IReadOnlyList<string> Languages => ["en", "zh"];

    public List<(string Text, SynthesisOptions Options)> Spoken { get; } = [];

    public async IAsyncEnumerable<SynthesisChunk> SynthesizeAsync(string text, SynthesisOptions options,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        lock (Spoken)
        {
            Spoken.Add((text, options));
        }
        var total = text.Length * msPerChar * sampleRate / 1000;
        var perChar = msPerChar * sampleRate / 1000;
        var chunk = sampleRate / 10;
        for (var start = 0; start < total; start += chunk)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var n = Math.Min(chunk, total - start);
            var samples = new float[n];
            for (var i = 0; i < n; i++)
            {
                samples[i] = 0.3f * MathF.Sin(2 * MathF.PI * 440 * (start + i) / sampleRate);
            }
            var marks = new List<PhonemeMark>();
            for (var c = start / perChar; c * perChar < start + n && c < text.Length; c++)
            {
                if (c * perChar >= start && char.IsLetter(text[c]))
                {
                    marks.Add(new PhonemeMark(text[c].ToString(), c * perChar));
                }
            }
            yield return new SynthesisChunk(samples, sampleRate, marks);
            await Task.Yield();
        }
    }

    public void Dispose()
    {
    }
}
