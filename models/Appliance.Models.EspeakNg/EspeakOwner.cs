using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Appliance.Models.EspeakNg.Native;

namespace Appliance.Models.EspeakNg;

/// <summary>
/// The one thread that owns espeak-ng. The library keeps its voice, parameters, callback and output buffer in
/// process-global variables, so every call into it — initialisation, voice and parameter changes, synthesis —
/// runs here, one request after another. Started once per process (the data folder cannot change afterwards)
/// and kept for the life of the process: espeak_Terminate followed by a new espeak_Initialize is not reliable.
/// </summary>
internal sealed unsafe class EspeakOwner
{
    /// <summary>Audio per callback (ms): small enough that the first chunk leaves early, large enough to keep overhead low.</summary>
    public const int BufferMs = 50;

    private static readonly Lock StartGate = new();
    private static EspeakOwner? instance;

    // Touched only on the owner thread: the synthesis the callback is currently feeding.
    private static SynthesisJob? current;

    private readonly BlockingCollection<Action> queue = new();

    // Owner thread only: what each requested voice resolved to (null: espeak-ng has no such voice or language).
    private readonly Dictionary<string, string?> voices = new(StringComparer.Ordinal);

    private EspeakOwner(string dataDir)
    {
        DataDir = dataDir;
        var thread = new Thread(Loop) { IsBackground = true, Name = "espeak-ng owner" };
        thread.Start();
    }

    public string DataDir { get; }

    public int SampleRate { get; private set; }

    /// <summary>The process's owner, started on first use with <paramref name="dataDir"/>.</summary>
    public static EspeakOwner Start(string dataDir)
    {
        lock (StartGate)
        {
            if (instance is not null)
            {
                if (!string.Equals(Path.GetFullPath(instance.DataDir), Path.GetFullPath(dataDir), StringComparison.Ordinal))
                {
                    throw new EspeakException($"espeak-ng is already running with data '{instance.DataDir}'; its state is process-global, so '{dataDir}' cannot be used too");
                }
                return instance;
            }
            var owner = new EspeakOwner(dataDir);
            owner.Invoke(owner.InitializeOnOwner).GetAwaiter().GetResult();
            instance = owner;
            return owner;
        }
    }

    /// <summary>Runs <paramref name="action"/> on the owner thread after everything queued before it.</summary>
    public Task Invoke(Action action)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        queue.Add(() =>
        {
            try
            {
                action();
                done.SetResult();
            }
            catch (Exception e)
            {
                done.SetException(e);
            }
        });
        return done.Task;
    }

    /// <summary>
    /// On the owner thread: for a language as the espeak-ng command line accepts it ("en-gb", "fr"), the
    /// identifier of the preferred voice that lists exactly that language; null when none does. Exact, because
    /// espeak-ng's own matching is by prefix ("no-such-voice" would pick Norwegian).
    /// </summary>
    public static string? VoiceForLanguage(string language)
    {
        var utf8 = System.Text.Encoding.UTF8.GetBytes(language + "\0");
        fixed (byte* criteria = utf8)
        {
            var spec = new espeak_VOICE { languages = criteria };
            var list = SpeakLib.espeak_ListVoices(&spec);
            for (var i = 0; list is not null && list[i] is not null; i++)
            {
                // languages: (priority byte, zero-terminated name) pairs, ended by an empty name.
                for (var entry = list[i]->languages; entry is not null && entry[0] != 0; )
                {
                    var name = Marshal.PtrToStringUTF8((nint)(entry + 1)) ?? "";
                    if (string.Equals(name, language, StringComparison.OrdinalIgnoreCase))
                    {
                        return Marshal.PtrToStringUTF8((nint)list[i]->identifier);
                    }
                    entry += 2 + System.Text.Encoding.UTF8.GetByteCount(name);
                }
            }
        }
        return null;
    }

    /// <summary>On the owner thread: selects the voice and prosody and synthesises <paramref name="job"/>'s text.</summary>
    public void Synthesize(SynthesisJob job, string voice, EmotionProsody prosody)
    {
        if (!voices.TryGetValue(voice, out var resolved))
        {
            // "en-gb+f2": a language with a variant, as on the command line.
            var plus = voice.IndexOf('+', StringComparison.Ordinal);
            var (language, variant) = plus > 0 ? (voice[..plus], voice[plus..]) : (voice, "");
            resolved = SpeakLib.espeak_SetVoiceByName(voice) == espeak_ERROR.EE_OK ? voice
                : VoiceForLanguage(language) is { } identifier ? identifier + variant : null;
            voices[voice] = resolved;
        }
        if (resolved is null || SpeakLib.espeak_SetVoiceByName(resolved) != espeak_ERROR.EE_OK)
        {
            throw new EspeakException($"espeak-ng has no voice or language '{voice}' in {DataDir} (see `espeak-ng --voices`)");
        }
        SetParameter(espeak_PARAMETER.espeakRATE, prosody.RateWpm);
        SetParameter(espeak_PARAMETER.espeakPITCH, prosody.Pitch);
        SetParameter(espeak_PARAMETER.espeakRANGE, prosody.Range);
        SetParameter(espeak_PARAMETER.espeakVOLUME, 100);
        var utf8 = new byte[System.Text.Encoding.UTF8.GetByteCount(job.Text) + 1];
        System.Text.Encoding.UTF8.GetBytes(job.Text, utf8);
        current = job;
        try
        {
            espeak_ERROR result;
            fixed (byte* text = utf8)
            {
                // Plain UTF-8 text (no SSML: '<' in a reply is read, not parsed) and no end pause: the player
                // joins sentences itself, and trailing silence would only delay the next one.
                result = SpeakLib.espeak_Synth(text, (nuint)utf8.Length, 0, espeak_POSITION_TYPE.POS_CHARACTER, 0, SpeakLib.espeakCHARS_UTF8, null, null);
            }
            job.Error?.Throw();
            if (result != espeak_ERROR.EE_OK && !job.Cancellation.IsCancellationRequested)
            {
                throw new EspeakException($"espeak_Synth failed ({result})");
            }
        }
        finally
        {
            current = null;
        }
    }

    private static void SetParameter(espeak_PARAMETER parameter, int value)
    {
        if (SpeakLib.espeak_SetParameter(parameter, value, 0) != espeak_ERROR.EE_OK)
        {
            throw new EspeakException($"espeak-ng refused {parameter} = {value}");
        }
    }

    private void InitializeOnOwner()
    {
        // DONT_EXIT: without it espeak_Initialize calls exit() when the data is bad. The folder was validated
        // before, so a failure here is an internal error.
        var rate = SpeakLib.espeak_Initialize(espeak_AUDIO_OUTPUT.AUDIO_OUTPUT_SYNCHRONOUS, BufferMs, DataDir,
            SpeakLib.espeakINITIALIZE_PHONEME_EVENTS | SpeakLib.espeakINITIALIZE_DONT_EXIT);
        if (rate <= 0)
        {
            throw new EspeakException($"espeak_Initialize failed ({rate}) with data '{DataDir}'");
        }
        SampleRate = rate;
        SpeakLib.espeak_SetSynthCallback(&OnSynth);
    }

    private void Loop()
    {
        foreach (var action in queue.GetConsumingEnumerable())
        {
            action();
        }
    }

    /// <summary>
    /// espeak's synth callback (owner thread, inside espeak_Synth): wav == NULL ends the message. Returning 1
    /// aborts synthesis — how a barge-in stops a long sentence. Exceptions must not cross into C.
    /// </summary>
    [UnmanagedCallersOnly]
    private static int OnSynth(short* wav, int numsamples, espeak_EVENT* events)
    {
        var job = current;
        if (job is null)
        {
            return 1;
        }
        try
        {
            if (events != null)
            {
                for (var e = events; e->type != espeak_EVENT_TYPE.espeakEVENT_LIST_TERMINATED; e++)
                {
                    if (e->type == espeak_EVENT_TYPE.espeakEVENT_PHONEME)
                    {
                        job.AddPhoneme(PhonemeName(e), e->sample, e->audio_position);
                    }
                }
            }
            if (wav == null)
            {
                job.Complete();
                return 0;
            }
            job.AddAudio(new ReadOnlySpan<short>(wav, Math.Max(numsamples, 0)));
            return job.Cancellation.IsCancellationRequested ? 1 : 0;
        }
        catch (Exception e)
        {
            job.Fail(e);
            return 1;
        }
    }

    private static string PhonemeName(espeak_EVENT* e)
    {
        var bytes = new ReadOnlySpan<byte>(e->id.@string, 8);
        var end = bytes.IndexOf((byte)0);
        return System.Text.Encoding.UTF8.GetString(end < 0 ? bytes : bytes[..end]);
    }
}
