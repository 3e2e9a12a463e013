using Appliance.Core.Speech;
using Appliance.Models.OnnxRuntime;

namespace Appliance.Models.WakeWord;

/// <summary>
/// Streaming openWakeWord detector for mono 16 kHz audio in [-1, 1]. Audio is cut into 80 ms chunks
/// (1280 samples); each chunk adds one speech embedding and gives every keyword one score. A keyword
/// is detected when its score reaches the threshold outside the refractory period of the previous
/// detection. Not thread-safe: one stream per instance.
/// </summary>
public sealed class OpenWakeWordDetector : IWakeWordDetector
{
    /// <summary>The reference ignores the first scores after start/reset while the windows fill (model.py).</summary>
    private const int WarmUpChunks = 5;

    private readonly WakeWordOptions options;
    private readonly OrtEnvironment environment;
    private readonly bool ownsEnvironment;
    private readonly AudioFeatures features;
    private readonly List<KeywordClassifier> classifiers = [];
    private readonly float[][] initialHistory;
    private readonly float[] history;
    private readonly float[] pending = new float[AudioFeatures.ChunkSamples];
    private readonly long refractorySamples;
    private int pendingCount;
    private long samplesSeen;
    private long chunks;
    private long? lastDetection;

    /// <summary>Loads the models with a process environment of its own (ORT shares it underneath).</summary>
    public OpenWakeWordDetector(WakeWordOptions options)
        : this(options, null)
    {
    }

    /// <param name="environment">An environment to share; null creates one that the detector owns.</param>
    public OpenWakeWordDetector(WakeWordOptions options, OrtEnvironment? environment)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        this.options = options;
        var directory = options.ModelDirectory ?? OpenWakeWordModels.FindDirectory()
            ?? throw new DirectoryNotFoundException("the openWakeWord models are not installed (models/openwakeword); run image/dev/setup");
        ownsEnvironment = environment is null;
        this.environment = environment ?? OrtEnvironment.Create(OrtLoggingLevel.Error, "wakeword");
        var sessionOptions = new SessionOptions(IntraOpThreads: options.Threads, InterOpThreads: 1);
        try
        {
            features = new AudioFeatures(this.environment, directory, sessionOptions);
            foreach (var keyword in options.Keywords)
            {
                classifiers.Add(new KeywordClassifier(this.environment, keyword, options.ClassifierPath(keyword, directory), sessionOptions));
            }
            var window = classifiers.Max(c => c.WindowSize);
            history = new float[window * AudioFeatures.EmbeddingSize];
            initialHistory = features.NoiseEmbeddings(seconds: 4, count: window);
        }
        catch
        {
            Dispose();
            throw;
        }
        refractorySamples = (long)(options.Refractory.TotalSeconds * SampleRate);
        Reset();
    }

    public const int SampleRate = 16000;

    public IReadOnlyList<string> Keywords => options.Keywords;

    public float Threshold => options.Threshold;

    public void Accept(ReadOnlySpan<float> samples, ICollection<WakeWordDetection> detections) => Accept(samples, detections, null);

    /// <summary>As <see cref="Accept(ReadOnlySpan{float}, ICollection{WakeWordDetection})"/>, also reporting every score (for tuning and benches).</summary>
    public void Accept(ReadOnlySpan<float> samples, ICollection<WakeWordDetection> detections, ICollection<WakeWordScore>? scores)
    {
        ArgumentNullException.ThrowIfNull(detections);
        while (!samples.IsEmpty)
        {
            var take = Math.Min(samples.Length, pending.Length - pendingCount);
            for (var i = 0; i < take; i++)
            {
                // openWakeWord was trained on int16 PCM passed as float: scale, clamp and round like a 16-bit ADC.
                // NaN (a broken upstream stage) becomes silence instead of poisoning 1.3 s of model state.
                var x = samples[i];
                pending[pendingCount + i] = float.IsNaN(x) ? 0f : MathF.Round(Math.Clamp(x, -1f, 1f) * 32767f);
            }
            pendingCount += take;
            samplesSeen += take;
            samples = samples[take..];
            if (pendingCount == pending.Length)
            {
                pendingCount = 0;
                ProcessChunk(detections, scores);
            }
        }
    }

    public void Reset()
    {
        features.Reset();
        for (var i = 0; i < initialHistory.Length; i++)
        {
            initialHistory[i].CopyTo(history, (history.Length / AudioFeatures.EmbeddingSize - initialHistory.Length + i) * AudioFeatures.EmbeddingSize);
        }
        pendingCount = 0;
        samplesSeen = 0;
        chunks = 0;
        lastDetection = null;
    }

    public void Dispose()
    {
        foreach (var c in classifiers)
        {
            c.Dispose();
        }
        features?.Dispose();
        if (ownsEnvironment)
        {
            environment?.Dispose();
        }
    }

    private void ProcessChunk(ICollection<WakeWordDetection> detections, ICollection<WakeWordScore>? scores)
    {
        var embedding = features.Push(pending);
        Array.Copy(history, AudioFeatures.EmbeddingSize, history, 0, history.Length - AudioFeatures.EmbeddingSize);
        embedding.CopyTo(history, history.Length - AudioFeatures.EmbeddingSize);
        chunks++;
        foreach (var classifier in classifiers)
        {
            var score = chunks <= WarmUpChunks ? 0f : classifier.Score(history);
            scores?.Add(new WakeWordScore(classifier.Keyword, samplesSeen, score));
            if (score >= options.Threshold && (lastDetection is not long last || samplesSeen - last >= refractorySamples))
            {
                lastDetection = samplesSeen;
                detections.Add(new WakeWordDetection(classifier.Keyword, samplesSeen, score));
            }
        }
    }
}
