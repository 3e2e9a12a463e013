using System.Runtime.InteropServices;
using System.Text;
using Appliance.Models.PocketSphinx.Audio;
using Appliance.Models.PocketSphinx.Native;

namespace Appliance.Models.PocketSphinx;

/// <summary>
/// One ps_decoder_t and the utterance calls on it. Not thread-safe (neither is the decoder): the recogniser
/// gives it to one caller at a time.
/// </summary>
internal sealed unsafe class PocketSphinxDecoder : IDisposable
{
    // pocketsphinx's logmath base (-logbase default 1.0001): a log value v means base^v.
    private static readonly double LogBase = Math.Log(1.0001);

    private readonly SafeDecoderHandle handle;
    private readonly NativeArgv argv;
    private short[] pcm = new short[4096];

    private PocketSphinxDecoder(SafeDecoderHandle handle, NativeArgv argv)
    {
        this.handle = handle;
        this.argv = argv;
    }

    public bool InUtterance { get; private set; }

    public static PocketSphinxDecoder Create(PocketSphinxOptions options)
    {
        PocketSphinxLibrary.EnsureInitialized();
        options.Validate();
        var log = Path.Combine(Path.GetTempPath(), $"appliance-pocketsphinx-{Environment.ProcessId}.log");
        var args = new List<string>
        {
            "-hmm", options.AcousticModel,
            "-dict", options.Dictionary,
            "-lm", options.LanguageModel,
            "-samprate", "16000",
            "-cmn", options.CepstralMeanNormalization,
            "-bestpath", "yes",
        };
        var argv = new NativeArgv(args);
        try
        {
            var config = SphinxBase.cmd_ln_parse_r(IntPtr.Zero, PocketSphinxApi.ps_args(), argv.Count, argv.Pointer, 1);
            if (config == IntPtr.Zero)
            {
                throw new PocketSphinxException("pocketsphinx rejected its configuration: " + string.Join(' ', args));
            }
            using var configHandle = new SafeConfigHandle(config);
            // The library logs to stderr by default; keep what ps_init says in a file so a failure can quote it,
            // then silence it so per-utterance chatter does not grow a log forever.
            var logStart = File.Exists(log) ? new FileInfo(log).Length : 0;
            SphinxBase.err_set_logfile(log);
            var ps = PocketSphinxApi.ps_init(config);
            SphinxBase.err_set_logfp(IntPtr.Zero);
            if (ps == IntPtr.Zero)
            {
                throw new PocketSphinxException(
                    $"pocketsphinx could not load its model (hmm '{options.AcousticModel}', dict '{options.Dictionary}', lm '{options.LanguageModel}'): "
                    + LogTail(log, logStart));
            }
            var decoder = new PocketSphinxDecoder(new SafeDecoderHandle(ps), argv);
            try
            {
                foreach (var (word, phones) in options.ExtraPronunciations)
                {
                    decoder.AddWord(word, phones);
                }
            }
            catch
            {
                decoder.Dispose();
                throw;
            }
            return decoder;
        }
        catch
        {
            argv.Dispose();
            throw;
        }
    }

    public void AddWord(string word, string phones)
    {
        if (PocketSphinxApi.ps_add_word(handle, word, phones, 1) < 0)
        {
            throw new PocketSphinxException($"pocketsphinx refused the pronunciation '{word}  {phones}' (unknown phone?)");
        }
    }

    public bool IsKnownWord(string word)
    {
        var p = PocketSphinxApi.ps_lookup_word(handle, word);
        if (p == IntPtr.Zero)
        {
            return false;
        }
        NativeMemory.Free((void*)p);
        return true;
    }

    public void StartUtterance()
    {
        if (PocketSphinxApi.ps_start_utt(handle) < 0)
        {
            throw new PocketSphinxException("ps_start_utt failed");
        }
        InUtterance = true;
    }

    public void Process(ReadOnlySpan<float> samples)
    {
        if (samples.IsEmpty)
        {
            return;
        }
        if (pcm.Length < samples.Length)
        {
            pcm = new short[Math.Max(samples.Length, pcm.Length * 2)];
        }
        Pcm16.Convert(samples, pcm);
        fixed (short* p = pcm)
        {
            if (PocketSphinxApi.ps_process_raw(handle, p, (nuint)samples.Length, 0, 0) < 0)
            {
                throw new PocketSphinxException("ps_process_raw failed");
            }
        }
    }

    public void EndUtterance()
    {
        InUtterance = false;
        if (PocketSphinxApi.ps_end_utt(handle) < 0)
        {
            throw new PocketSphinxException("ps_end_utt failed");
        }
    }

    /// <summary>The best hypothesis so far, without filler markup; empty when there is none.</summary>
    public string Hypothesis()
    {
        int score;
        var p = PocketSphinxApi.ps_get_hyp(handle, &score);
        return p == null ? string.Empty : Marshal.PtrToStringUTF8((IntPtr)p) ?? string.Empty;
    }

    /// <summary>Posterior probability of the final hypothesis (0..1).</summary>
    public double Confidence() => Math.Clamp(Math.Exp(PocketSphinxApi.ps_get_prob(handle) * LogBase), 0, 1);

    public void Dispose()
    {
        handle.Dispose();
        argv.Dispose();
    }

    private static string LogTail(string log, long from)
    {
        try
        {
            using var stream = File.OpenRead(log);
            stream.Seek(Math.Max(from, stream.Length - 4000), SeekOrigin.Begin);
            var text = new StreamReader(stream, Encoding.UTF8).ReadToEnd();
            var errors = text.Split('\n').Where(l => l.StartsWith("ERROR", StringComparison.Ordinal) || l.StartsWith("FATAL", StringComparison.Ordinal)).ToList();
            return errors.Count > 0 ? string.Join(" | ", errors) : $"see {log}";
        }
        catch (IOException)
        {
            return $"no log ({log} unreadable)";
        }
    }
}
