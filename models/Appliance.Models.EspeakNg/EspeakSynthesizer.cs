using System.Runtime.CompilerServices;
using Appliance.Core.Speech;
using Appliance.Models.EspeakNg.Native;

namespace Appliance.Models.EspeakNg;

/// <summary>
/// The embedded default voice: espeak-ng formant synthesis, English (en-us) and Mandarin (cmn), 22050 Hz mono.
/// Chunks stream out as espeak's callback delivers them (about <see cref="EspeakOwner.BufferMs"/> ms each)
/// with the phonemes that start inside them. Any number of instances share the single
/// <see cref="EspeakOwner"/> thread, so concurrent requests are served one after another, never interleaved.
/// </summary>
public sealed class EspeakSynthesizer : ISpeechSynthesizer
{
    /// <summary>espeak-ng's native output rate; we do not resample (the player or the caller does if needed).</summary>
    public const int NativeSampleRate = 22050;

    public const string MandarinVoice = "cmn-latn-pinyin";

    private readonly EspeakOwner owner;
    private bool disposed;

    private EspeakSynthesizer(EspeakOwner owner) => this.owner = owner;

    public string Name => $"espeak-ng {EspeakLibrary.Version}";

    public int SampleRate => owner.SampleRate;

    public IReadOnlyList<string> Languages { get; } = ["en", "zh"];

    /// <summary>Loads the library and starts the owner thread (once per process).</summary>
    /// <param name="dataDir">An espeak-ng-data folder; null for Debian's.</param>
    public static EspeakSynthesizer Create(string? dataDir = null)
    {
        dataDir ??= EspeakDataPath.FindDefault();
        EspeakDataPath.Validate(dataDir, ["en", "cmn"]);
        EspeakLibrary.Initialize();
        var owner = EspeakOwner.Start(dataDir);
        if (owner.SampleRate != NativeSampleRate)
        {
            throw new EspeakException($"espeak-ng produces {owner.SampleRate} Hz, expected {NativeSampleRate}");
        }
        return new EspeakSynthesizer(owner);
    }

    /// <summary>
    /// The espeak voice for a BCP 47 language: en* → en-us, zh*/cmn → cmn-latn-pinyin. The plain "cmn" voice of
    /// 1.51 turns each character into pinyin and then reads that pinyin with English letter rules ("欢" →
    /// "h-u-a-n five"); the "latin as Pinyin" variant speaks the same dictionary as Mandarin syllables with tones.
    /// Its cost: Latin words inside Chinese text are read as pinyin too.
    /// </summary>
    public static string VoiceFor(string language)
    {
        var lang = language.Trim().ToLowerInvariant();
        if (lang == "en" || lang.StartsWith("en-", StringComparison.Ordinal))
        {
            return lang == "en-gb" ? "en-gb" : "en-us";
        }
        if (lang is "zh" or "cmn" or "zh-cn" or "zh-hans" or "zh-cmn")
        {
            return MandarinVoice;
        }
        throw new ArgumentException($"espeak-ng voice for language '{language}' is not configured; supported: en, zh");
    }

    public async IAsyncEnumerable<SynthesisChunk> SynthesizeAsync(string text, SynthesisOptions options,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(options);
        ObjectDisposedException.ThrowIf(disposed, this);
        var voice = options.Voice ?? VoiceFor(options.Language);
        var prosody = EmotionProsody.For(options.Emotion).Scale(options.Rate, options.Pitch);
        if (string.IsNullOrWhiteSpace(text))
        {
            yield break;
        }
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var job = new SynthesisJob(text, SampleRate, stop.Token);
        _ = owner.Invoke(() =>
        {
            if (!job.Cancellation.IsCancellationRequested)
            {
                owner.Synthesize(job, voice, prosody);
            }
        }).ContinueWith(t => job.Finish(t.Exception?.InnerException ?? (job.Cancellation.IsCancellationRequested ? new OperationCanceledException(job.Cancellation) : null)),
            CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        try
        {
            await foreach (var chunk in job.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                // ReadAllAsync drains buffered chunks without looking at the token; a barge-in must stop at once.
                cancellationToken.ThrowIfCancellationRequested();
                yield return chunk;
            }
        }
        finally
        {
            // The consumer stopped early (barge-in) or finished: make the callback abort what is left.
            await stop.CancelAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Marks this instance unusable; the shared owner thread lives on for other instances.</summary>
    public void Dispose() => disposed = true;
}
