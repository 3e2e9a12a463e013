using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Threading.Channels;
using Appliance.Core.Speech;
using Appliance.Models.Sherpa.Models;
using Appliance.Models.Sherpa.Native;

namespace Appliance.Models.Sherpa.Tts;

/// <summary>
/// <see cref="ISpeechSynthesizer"/> on sherpa-onnx offline TTS (Piper/VITS, Matcha, Kokoro). Chunks
/// stream through SherpaOnnxOfflineTtsGenerateWithConfig's progress callback (one per sentence with
/// the default options), so the first sentence plays while later ones are generated.
/// </summary>
/// <remarks>
/// sherpa's C API exposes no phoneme timing, so chunks carry no <see cref="PhonemeMark"/>s; Pitch
/// and Emotion have no sherpa control and are ignored, Rate maps to the model's speed.
/// espeak-ng is initialised once per process by sherpa: the first voice's espeak-ng-data folder
/// is used for every later voice.
/// </remarks>
public sealed unsafe class SherpaSynthesizer : ISpeechSynthesizer
{
    private readonly OfflineTtsHandle handle;
    private readonly SemaphoreSlim gate = new(1, 1); // one generation at a time per native engine
    private readonly SherpaSynthesizerOptions options;

    public SherpaSynthesizer(SherpaModelFolder model, SherpaSynthesizerOptions? options = null)
    {
        this.options = options ?? new SherpaSynthesizerOptions();
        SherpaOnnxLibrary.Initialize();
        Model = model;
        using var strings = new NativeStrings();
        var config = TtsConfigBuilder.Build(model, this.options, strings);
        var raw = SherpaOnnx.SherpaOnnxCreateOfflineTts(&config);
        if (raw == IntPtr.Zero)
        {
            throw new SherpaModelException($"SherpaOnnxCreateOfflineTts returned NULL for the {model.Kind} model in '{model.Directory}' (files: {string.Join(", ", model.Files.Select(f => $"{f.Key}={f.Value}"))})");
        }
        handle = new OfflineTtsHandle(raw);
        SampleRate = SherpaOnnx.SherpaOnnxOfflineTtsSampleRate(handle);
        NumSpeakers = SherpaOnnx.SherpaOnnxOfflineTtsNumSpeakers(handle);
        Languages = this.options.Languages ?? LanguagesOf(model);
        Name = $"sherpa {model.Kind} {Path.GetFileName(model.Directory)}";
    }

    public SherpaModelFolder Model { get; }

    public string Name { get; }

    public int SampleRate { get; }

    public int NumSpeakers { get; }

    public IReadOnlyList<string> Languages { get; }

    public async IAsyncEnumerable<SynthesisChunk> SynthesizeAsync(string text, SynthesisOptions options, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(options);
        ObjectDisposedException.ThrowIf(handle.IsClosed, this);
        if (string.IsNullOrWhiteSpace(text))
        {
            yield break;
        }
        if (options.Rate is <= 0 or > 4 || double.IsNaN(options.Rate))
        {
            throw new ArgumentOutOfRangeException(nameof(options), $"Rate {options.Rate} is outside (0, 4]");
        }
        var sid = this.options.SpeakerId;
        if (options.Voice is not null && (!int.TryParse(options.Voice, out sid) || sid < 0 || sid >= Math.Max(1, NumSpeakers)))
        {
            throw new ArgumentOutOfRangeException(nameof(options), $"voice '{options.Voice}' is not a speaker number of this model (0..{Math.Max(1, NumSpeakers) - 1})");
        }

        var channel = Channel.CreateUnbounded<SynthesisChunk>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        var state = new GenerationState(channel.Writer, SampleRate, cancellationToken);
        var generation = Task.Run(() => Generate(text, (float)options.Rate, sid, state), CancellationToken.None);
        try
        {
            await foreach (var chunk in channel.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                // Chunks already queued must not outlive a barge-in: check before each one.
                cancellationToken.ThrowIfCancellationRequested();
                yield return chunk;
            }
            await generation.ConfigureAwait(false);
        }
        finally
        {
            // The consumer stopped early (break, exception): tell the callback to stop, then wait so
            // the native engine is idle before the next caller gets it.
            state.Abandoned = true;
            await generation.ContinueWith(static _ => { }, TaskScheduler.Default).ConfigureAwait(false);
            gate.Release();
        }
        cancellationToken.ThrowIfCancellationRequested();
    }

    public void Dispose()
    {
        gate.Wait();
        handle.Dispose();
        gate.Release();
    }

    private void Generate(string text, float speed, int sid, GenerationState state)
    {
        var keep = GCHandle.Alloc(state);
        try
        {
            using var strings = new NativeStrings();
            var config = SherpaOnnxGenerationConfig.Default();
            config.speed = speed;
            config.sid = sid;
            config.silence_scale = options.SilenceScale;
            var audio = SherpaOnnx.SherpaOnnxOfflineTtsGenerateWithConfig(handle, strings.Add(text), &config, &OnAudio, (void*)GCHandle.ToIntPtr(keep));
            if (audio is not null)
            {
                SherpaOnnx.SherpaOnnxDestroyOfflineTtsGeneratedAudio(audio);
            }
            else if (!state.Stopped)
            {
                state.Writer.TryComplete(new SherpaModelException($"sherpa-onnx could not synthesise the text with {Name}"));
                return;
            }
            state.Writer.TryComplete();
        }
        catch (Exception e)
        {
            state.Writer.TryComplete(e);
        }
        finally
        {
            keep.Free();
        }
    }

    // Called on the generating thread for each finished chunk; the samples are only valid during
    // the call, so they are copied. Returning 0 stops generation (cancellation, consumer gone).
    [UnmanagedCallersOnly]
    private static int OnAudio(float* samples, int n, float progress, void* arg)
    {
        var state = (GenerationState)GCHandle.FromIntPtr((IntPtr)arg).Target!;
        if (state.Token.IsCancellationRequested || state.Abandoned)
        {
            state.Stopped = true;
            return 0;
        }
        if (n > 0)
        {
            state.Writer.TryWrite(new SynthesisChunk(new ReadOnlySpan<float>(samples, n).ToArray(), state.SampleRate, []));
        }
        return 1;
    }

    private static IReadOnlyList<string> LanguagesOf(SherpaModelFolder model)
    {
        var path = model.File("vits.model") ?? model.File("kokoro.model") ?? model.File("matcha.acoustic_model");
        var language = path is null ? null : OnnxMetadata.Read(path).GetValueOrDefault("language");
        return language?.ToLowerInvariant() switch
        {
            null or "" => [],
            var l when l.StartsWith("english", StringComparison.Ordinal) || l.StartsWith("en", StringComparison.Ordinal) => ["en"],
            var l when l.StartsWith("chinese", StringComparison.Ordinal) || l.StartsWith("zh", StringComparison.Ordinal) => ["zh"],
            var l when l.Contains("chinese", StringComparison.Ordinal) && l.Contains("english", StringComparison.Ordinal) => ["zh", "en"],
            var l => [l],
        };
    }

    private sealed class GenerationState(ChannelWriter<SynthesisChunk> writer, int sampleRate, CancellationToken token)
    {
        public ChannelWriter<SynthesisChunk> Writer { get; } = writer;

        public int SampleRate { get; } = sampleRate;

        public CancellationToken Token { get; } = token;

        public volatile bool Abandoned;

        public volatile bool Stopped;
    }
}
