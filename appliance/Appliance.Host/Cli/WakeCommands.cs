using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Appliance.Core.Audio;
using Appliance.Core.Native;
using Appliance.Core.Speech;
using Appliance.Models.OnnxRuntime;
using Appliance.Models.WakeWord;
using Appliance.Models.WakeWord.Evaluation;

namespace Appliance.Host.Cli;

/// <summary>
/// `wake listen` (detections in a WAV file, or live once a capture driver exists) and `bench wake`
/// (detection rate on espeak-ng phrases, false accepts per hour on real speech, real-time factor).
/// </summary>
internal static class WakeCommands
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static IEnumerable<Command> Create()
    {
        var wake = new Command("wake", "Wake-word detection (openWakeWord on ONNX Runtime)");
        wake.Subcommands.Add(Listen());
        yield return wake;

        var bench = new Command("bench", "Benchmarks that print the figures named in MEASURE.md");
        bench.Subcommands.Add(Bench());
        yield return bench;
    }

    /// <summary>The `wake` benchmark alone, for a shared `bench` group.</summary>
    public static Command Bench()
    {
        var json = new Option<bool>("--json") { Description = "Print one JSON object instead of text" };
        var quick = new Option<bool>("--quick") { Description = "Small phrase grid (24 clips instead of 144)" };
        var keyword = new Option<string>("--keyword") { Description = "Keyword model to measure", DefaultValueFactory = _ => "hey_jarvis" };
        var command = new Command("wake", "Detection rate on synthetic \"hey jarvis\", false accepts per hour on real speech, real-time factor per 80 ms chunk") { json, quick, keyword };
        command.SetAction(parse => RunBench(parse.GetValue(keyword)!, !parse.GetValue(quick), parse.GetValue(json)));
        return command;
    }

    private static Command Listen()
    {
        var file = new Option<FileInfo?>("--file") { Description = "A 16 kHz WAV file to scan instead of the microphone" };
        var keywords = new Option<string[]>("--keyword")
        {
            Description = $"Keyword(s) to listen for: {string.Join(", ", OpenWakeWordModels.Keywords.Keys)}",
            DefaultValueFactory = _ => ["hey_jarvis"],
            AllowMultipleArgumentsPerToken = true,
        };
        var threshold = new Option<float>("--threshold") { Description = "Score 0..1 at which a keyword counts as heard", DefaultValueFactory = _ => WakeWordOptions.DefaultThreshold };
        var refractory = new Option<double>("--refractory") { Description = "Seconds after a detection during which no other is reported", DefaultValueFactory = _ => WakeWordOptions.DefaultRefractoryPeriod.TotalSeconds };
        var device = new Option<string?>("--device") { Description = "Capture device (name or index as `audio devices` lists it); default device when omitted" };
        var command = new Command("listen", "Report wake-word detections with timestamps (a file, or the microphone until Ctrl+C)") { file, keywords, threshold, refractory, device };
        command.SetAction(async (parse, ct) =>
        {
            var options = new WakeWordOptions(parse.GetValue(keywords)!, parse.GetValue(threshold), TimeSpan.FromSeconds(parse.GetValue(refractory)));
            var path = parse.GetValue(file);
            return path is null ? await ListenLiveAsync(parse.GetValue(device), options, ct) : ListenFile(path.FullName, options);
        });
        return command;
    }

    /// <summary>Channel 0 of the capture device through the detector, one line per detection.</summary>
    private static async Task<int> ListenLiveAsync(string? device, WakeWordOptions options, CancellationToken ct)
    {
        using var runtime = Appliance.Drivers.Audio.PortAudioRuntime.Initialize();
        await using var capture = Appliance.Drivers.Audio.PortAudioCapture.Open(runtime, device, channels: 1, OpenWakeWordDetector.SampleRate);
        using var detector = new OpenWakeWordDetector(options);
        var detections = new List<WakeWordDetection>();
        Console.WriteLine($"listening for {string.Join(", ", options.Keywords)} (threshold {options.Threshold:0.00}); Ctrl+C to stop");
        try
        {
            await foreach (var frame in capture.ReadAsync(ct))
            {
                detections.Clear();
                detector.Accept(frame.Samples, detections);
                foreach (var d in detections)
                {
                    Console.WriteLine(string.Create(Inv, $"{DateTime.Now:HH:mm:ss.fff}  {d.Keyword}  score {d.Score:0.000}"));
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
        return 0;
    }

    private static int ListenFile(string path, WakeWordOptions options)
    {
        var audio = WavFile.Read(path);
        if (audio.SampleRate != OpenWakeWordDetector.SampleRate)
        {
            throw new InvalidAudioException($"{path}: {audio.SampleRate} Hz; the wake-word models need 16000 Hz (convert with: sox IN.wav -r 16000 -c 1 OUT.wav)");
        }
        if (audio.Channels > 1)
        {
            Console.Error.WriteLine($"note: {path} has {audio.Channels} channels; using the first");
        }
        using var detector = new OpenWakeWordDetector(options);
        var detections = new List<WakeWordDetection>();
        var scores = new List<WakeWordScore>();
        detector.Accept(audio.Channel(0), detections, scores);
        foreach (var d in detections)
        {
            Console.WriteLine(string.Create(Inv, $"{d.SampleIndex / (double)OpenWakeWordDetector.SampleRate,8:0.00} s  {d.Keyword}  score {d.Score:0.000}"));
        }
        // The best score per keyword tells a technician how far a missed phrase was from the threshold.
        foreach (var best in scores.GroupBy(x => x.Keyword).Select(g => g.MaxBy(x => x.Score)))
        {
            Console.WriteLine(string.Create(Inv, $"highest {best.Keyword} score {best.Score:0.000} at {best.SampleIndex / (double)OpenWakeWordDetector.SampleRate:0.00} s"));
        }
        Console.WriteLine(string.Create(Inv, $"{detections.Count} detection(s) in {audio.Duration.TotalSeconds:0.0} s of audio (keywords {string.Join(", ", options.Keywords)}, threshold {options.Threshold:0.00})"));
        return 0;
    }

    private static int RunBench(string keyword, bool full, bool json)
    {
        var shared = FindSharedSpeech()
            ?? throw new DirectoryNotFoundException("the shared speech recordings (shared/speech/en) were not found above the checkout; set APPLIANCE_SHARED");
        var english = ReadFolder(Path.Combine(shared, "en"));
        var negatives = english.Concat(ReadFolder(Path.Combine(shared, "zh"))).ToList();
        var englishSpeech = english.Select(n => n.Samples).ToList();

        var cache = Path.Combine(Path.GetTempPath(), "appliance-wake-bench");
        var phrases = SyntheticPhrases.Synthesize("hey jarvis", SyntheticPhrases.Grid(full), cache);
        var positives = phrases.SelectMany((p, i) => WakeClips.Contexts(p, englishSpeech, i)).ToList();

        // The control: other sentences and near-misses in the same synthetic voices, in silence.
        var confusers = SyntheticPhrases.NegativeTexts
            .SelectMany(t => SyntheticPhrases.Synthesize(t, SyntheticPhrases.Grid(full: false), cache))
            .Select(u => WakeClip.Negative($"{u.Text}/{u.Name}", [.. new float[16000], .. u.Samples, .. new float[24000]]))
            .ToList();

        var load = Stopwatch.StartNew();
        using var detector = new OpenWakeWordDetector(WakeWordOptions.For(keyword));
        var loadMs = load.Elapsed.TotalMilliseconds;

        var evaluation = new WakeEvaluation(keyword, WakeWordOptions.DefaultRefractoryPeriod);
        foreach (var clip in positives.Concat(negatives))
        {
            evaluation.Add(detector, clip);
        }

        var control = new WakeEvaluation(keyword, WakeWordOptions.DefaultRefractoryPeriod);
        foreach (var clip in confusers)
        {
            control.Add(detector, clip);
        }
        var controlAtDefault = control.At(WakeWordOptions.DefaultThreshold);

        // Per-chunk cost: feed the negatives 80 ms at a time and time each chunk (median and p95; the box is shared).
        var times = new List<double>();
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        detector.Reset();
        var sink = new List<WakeWordDetection>();
        foreach (var clip in negatives)
        {
            for (var i = 0; i + 1280 <= clip.Samples.Length && times.Count < 400; i += 1280)
            {
                var t = Stopwatch.GetTimestamp();
                detector.Accept(clip.Samples.AsSpan(i, 1280), sink);
                times.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
            }
        }
        // CPU time per chunk is the steadier figure on a box shared with other jobs (wall time includes waiting for a core).
        var cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds / times.Count;
        times.Sort();
        var p50 = times[times.Count / 2];
        var p95 = times[(int)(times.Count * 0.95)];

        var thresholds = new[] { 0.1f, 0.2f, 0.3f, 0.4f, 0.5f, 0.6f, 0.7f, 0.8f, 0.9f };
        var sweep = thresholds.Select(evaluation.At).ToList();
        var chosen = evaluation.At(WakeWordOptions.DefaultThreshold);
        var byContext = positives.Select(p => p.Context).Distinct().ToDictionary(c => c, c =>
        {
            var peaks = evaluation.PositivePeaks().Where(p => p.Clip.Context == c).ToList();
            return Math.Round((double)peaks.Count(p => p.Score >= WakeWordOptions.DefaultThreshold) / peaks.Count, 3);
        });
        var result = new
        {
            keyword,
            onnxruntime = OnnxRuntimeLibrary.Version,
            threshold = WakeWordOptions.DefaultThreshold,
            wake_detection_rate = Math.Round(chosen.DetectionRate, 3),
            wake_detection_rate_by_context = byContext,
            positives = chosen.Positives,
            wake_false_accepts = chosen.FalseAccepts,
            wake_false_accepts_per_hour = Math.Round(chosen.FalseAcceptsPerHour, 1),
            negative_seconds = Math.Round(chosen.NegativeSeconds, 1),
            negative_peak_score = Math.Round(evaluation.NegativePeak(), 4),
            misplaced_detections = chosen.Misplaced,
            synthetic_negative_clips = confusers.Count,
            synthetic_negative_false_accepts = controlAtDefault.FalseAccepts,
            synthetic_negative_peak_score = Math.Round(control.NegativePeak(), 4),
            synthetic_negative_false_accepts_at = SweepFalseAccepts(control),
            wake_chunk_cpu_ms = Math.Round(cpuMs, 3),
            wake_chunk_ms_p50 = Math.Round(p50, 3),
            wake_chunk_ms_p95 = Math.Round(p95, 3),
            wake_rtf = Math.Round(p50 / 80.0, 4),
            chunks_timed = times.Count,
            load_ms = Math.Round(loadMs, 1),
            sweep = sweep.Select(m => new { threshold = m.Threshold, detection_rate = Math.Round(m.DetectionRate, 3), false_accepts = m.FalseAccepts, misplaced = m.Misplaced }),
            missed = chosen.Missed,
            false_accept_clips = chosen.FalseAcceptClips.Concat(controlAtDefault.FalseAcceptClips),
        };
        if (json)
        {
            Console.WriteLine(JsonSerializer.Serialize(result, new JsonSerializerOptions { WriteIndented = true }));
            return 0;
        }
        Console.WriteLine(string.Create(Inv, $"wake bench: {keyword}, ONNX Runtime {result.onnxruntime}, threshold {result.threshold:0.00}"));
        Console.WriteLine(string.Create(Inv, $"wake_detection_rate          {chosen.DetectionRate:0.000}  ({chosen.Detected}/{chosen.Positives} synthetic espeak-ng clips; {string.Join(", ", byContext.Select(kv => $"{kv.Key} {kv.Value:0.000}"))})"));
        Console.WriteLine(string.Create(Inv, $"wake_false_accepts_per_hour  {chosen.FalseAcceptsPerHour:0.0}  ({chosen.FalseAccepts} in {chosen.NegativeSeconds:0} s of real en+zh speech; peak score {result.negative_peak_score:0.0000}; misplaced in positives {chosen.Misplaced})"));
        Console.WriteLine(string.Create(Inv, $"synthetic negatives          {controlAtDefault.FalseAccepts} false accepts in {confusers.Count} espeak-ng clips of other sentences and near-misses (peak score {result.synthetic_negative_peak_score:0.0000}) {string.Join(", ", controlAtDefault.FalseAcceptClips)}"));
        Console.WriteLine(string.Create(Inv, $"wake_chunk_cpu_ms            {cpuMs:0.00}  (process CPU time per chunk)"));
        Console.WriteLine(string.Create(Inv, $"wake_chunk_ms p50/p95        {p50:0.00} / {p95:0.00}  ({times.Count} chunks of 80 ms)"));
        Console.WriteLine(string.Create(Inv, $"wake_rtf                     {p50 / 80.0:0.0000}"));
        Console.WriteLine(string.Create(Inv, $"load_ms                      {loadMs:0}"));
        Console.WriteLine("threshold sweep (detection rate / false accepts / misplaced):");
        foreach (var m in sweep)
        {
            Console.WriteLine(string.Create(Inv, $"  {m.Threshold:0.0}  {m.DetectionRate:0.000}  {m.FalseAccepts}  {m.Misplaced}"));
        }
        return 0;
    }

    private static Dictionary<string, int> SweepFalseAccepts(WakeEvaluation control) =>
        new[] { 0.1f, 0.3f, 0.5f, 0.7f }.ToDictionary(t => t.ToString("0.0", Inv), t => control.At(t).FalseAccepts);

    private static List<WakeClip> ReadFolder(string dir) =>
        Directory.Exists(dir)
            ? [.. Directory.GetFiles(dir, "*.wav").Order(StringComparer.Ordinal).Select(f => WakeClip.Negative(Path.GetFileName(f), WavFile.Read(f).Channel(0)))]
            : [];

    /// <summary>shared/speech beside the checkout (the read-only data every developer has), or $APPLIANCE_SHARED/speech.</summary>
    private static string? FindSharedSpeech()
    {
        var fromEnv = Environment.GetEnvironmentVariable("APPLIANCE_SHARED");
        if (!string.IsNullOrEmpty(fromEnv))
        {
            return Path.Combine(fromEnv, "speech");
        }
        for (var dir = AppliancePaths.FindRepositoryRoot() is { } repo ? new DirectoryInfo(repo) : null; dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "speech");
            if (Directory.Exists(Path.Combine(candidate, "en")))
            {
                return candidate;
            }
        }
        return null;
    }
}
