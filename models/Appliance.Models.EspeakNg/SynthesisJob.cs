using System.Runtime.ExceptionServices;
using System.Threading.Channels;
using Appliance.Core.Speech;

namespace Appliance.Models.EspeakNg;

/// <summary>
/// One utterance being synthesised: collects what the espeak callback delivers and hands it to the consumer as
/// <see cref="SynthesisChunk"/>s. Written only on the owner thread, read through the channel.
/// </summary>
internal sealed class SynthesisJob(string text, int sampleRate, CancellationToken cancellation)
{
    private readonly Channel<SynthesisChunk> chunks = Channel.CreateUnbounded<SynthesisChunk>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
    private List<PhonemeMark> pending = [];
    private long samplesSoFar;
    private bool completed;

    public string Text { get; } = text;

    public CancellationToken Cancellation { get; } = cancellation;

    public ChannelReader<SynthesisChunk> Reader => chunks.Reader;

    public ExceptionDispatchInfo? Error { get; private set; }

    /// <summary>
    /// A phoneme event. espeak reports its position twice: <paramref name="sample"/> (samples since the start of
    /// the message) and <paramref name="audioMs"/> (the same in ms); the sample count is exact, the ms value is
    /// the documented fallback if the sample field is ever out of range.
    /// </summary>
    public void AddPhoneme(string name, int sample, int audioMs)
    {
        long offset = sample;
        var fromMs = (long)audioMs * sampleRate / 1000;
        if (sample < 0 || Math.Abs(sample - fromMs) > sampleRate / 100)
        {
            offset = fromMs;
        }
        pending.Add(new PhonemeMark(name, offset));
    }

    public void AddAudio(ReadOnlySpan<short> pcm)
    {
        if (pcm.IsEmpty && pending.Count == 0)
        {
            return;
        }
        var samples = new float[pcm.Length];
        for (var i = 0; i < pcm.Length; i++)
        {
            samples[i] = pcm[i] / 32768f;
        }
        samplesSoFar += pcm.Length;
        Emit(samples);
    }

    public void Complete()
    {
        if (pending.Count > 0)
        {
            Emit([]);
        }
        Finish(null);
    }

    public void Fail(Exception e)
    {
        Error = ExceptionDispatchInfo.Capture(e);
        Finish(e);
    }

    /// <summary>Called by the owner after espeak_Synth returned, whatever happened.</summary>
    public void Finish(Exception? error)
    {
        if (!completed)
        {
            completed = true;
            chunks.Writer.TryComplete(error);
        }
    }

    public long SamplesSoFar => samplesSoFar;

    private void Emit(float[] samples)
    {
        chunks.Writer.TryWrite(new SynthesisChunk(samples, sampleRate, pending));
        pending = [];
    }
}
