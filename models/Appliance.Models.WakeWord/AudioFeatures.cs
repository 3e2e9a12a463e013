using Appliance.Models.OnnxRuntime;

namespace Appliance.Models.WakeWord;

/// <summary>
/// openWakeWord's streaming front end (openwakeword/utils.py AudioFeatures): every 80 ms chunk of
/// int16-scaled audio, together with the 30 ms before it, goes through the melspectrogram model
/// (8 frames of 32 mel bins, 10 ms hop), is rescaled as mel/10 + 2 (the transform that makes the ONNX
/// model match Google's speech_embedding front end), and the newest 76 mel frames (0.775 s) go through the
/// embedding model, giving one 96-d embedding per chunk.
/// </summary>
internal sealed class AudioFeatures : IDisposable
{
    public const int ChunkSamples = 1280;
    public const int MelBins = 32;
    public const int WindowFrames = 76;
    public const int EmbeddingSize = 96;

    // The mel model frames 400-sample windows with a 160 hop: 3 hops of context before the chunk make
    // the chunk yield exactly 8 new frames.
    private const int ContextSamples = 160 * 3;
    private const int RawSamples = ChunkSamples + ContextSamples;

    private readonly InferenceSession mel;
    private readonly InferenceSession embedding;
    private readonly float[] raw = new float[RawSamples];
    private readonly float[] melWindow = new float[WindowFrames * MelBins];
    private int rawCount;

    public AudioFeatures(OrtEnvironment environment, string directory, SessionOptions options)
    {
        mel = InferenceSession.Open(environment, Path.Combine(directory, OpenWakeWordModels.MelSpectrogram), options);
        try
        {
            embedding = InferenceSession.Open(environment, Path.Combine(directory, OpenWakeWordModels.Embedding), options);
        }
        catch
        {
            mel.Dispose();
            throw;
        }
        Reset();
    }

    /// <summary>Back to the reference's start state: no audio, a mel window of ones.</summary>
    public void Reset()
    {
        rawCount = 0;
        Array.Clear(raw);
        Array.Fill(melWindow, 1f);
    }

    /// <summary>Takes one chunk of int16-scaled samples; returns its 96-d embedding.</summary>
    public float[] Push(ReadOnlySpan<float> chunk)
    {
        if (chunk.Length != ChunkSamples)
        {
            throw new ArgumentException($"a chunk is {ChunkSamples} samples, got {chunk.Length}", nameof(chunk));
        }
        Array.Copy(raw, ChunkSamples, raw, 0, RawSamples - ChunkSamples);
        chunk.CopyTo(raw.AsSpan(RawSamples - ChunkSamples));
        rawCount = Math.Min(rawCount + ChunkSamples, RawSamples);

        var input = raw[(RawSamples - rawCount)..];
        var spec = mel.Run(new FloatTensor(input, 1, input.Length))[0];
        var frames = spec.Data.Length / MelBins;
        AppendMelFrames(spec.Data, frames);

        var window = (float[])melWindow.Clone();
        var vector = embedding.Run(new FloatTensor(window, 1, WindowFrames, MelBins, 1))[0];
        return vector.Data;
    }

    /// <summary>
    /// Embeddings of <paramref name="seconds"/> of low-level deterministic noise, newest last: the
    /// reference seeds its feature history this way so the classifiers see speech-free context at start.
    /// </summary>
    public float[][] NoiseEmbeddings(double seconds, int count)
    {
        var random = new Random(1234);
        var samples = new float[(int)(seconds * 16000)];
        for (var i = 0; i < samples.Length; i++)
        {
            samples[i] = random.Next(-1000, 1000);
        }
        var spec = mel.Run(new FloatTensor(samples, 1, samples.Length))[0];
        var frames = spec.Data.Length / MelBins;
        var windows = new List<int>();
        for (var start = 0; start + WindowFrames <= frames; start += 8)
        {
            windows.Add(start);
        }
        var take = windows.TakeLast(count).ToList();
        var batch = new float[take.Count * WindowFrames * MelBins];
        for (var w = 0; w < take.Count; w++)
        {
            for (var j = 0; j < WindowFrames * MelBins; j++)
            {
                batch[w * WindowFrames * MelBins + j] = spec.Data[take[w] * MelBins + j] / 10f + 2f;
            }
        }
        var vectors = embedding.Run(new FloatTensor(batch, take.Count, WindowFrames, MelBins, 1))[0].Data;
        return Enumerable.Range(0, take.Count).Select(w => vectors.AsSpan(w * EmbeddingSize, EmbeddingSize).ToArray()).ToArray();
    }

    public void Dispose()
    {
        mel.Dispose();
        embedding.Dispose();
    }

    private void AppendMelFrames(float[] data, int frames)
    {
        frames = Math.Min(frames, WindowFrames);
        var keep = (WindowFrames - frames) * MelBins;
        Array.Copy(melWindow, frames * MelBins, melWindow, 0, keep);
        var source = data.AsSpan(data.Length - frames * MelBins);
        var target = melWindow.AsSpan(keep);
        for (var i = 0; i < source.Length; i++)
        {
            target[i] = source[i] / 10f + 2f;
        }
    }
}
