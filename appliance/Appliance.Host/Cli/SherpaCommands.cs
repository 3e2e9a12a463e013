using System.CommandLine;
using System.Text.Json;
using Appliance.Core.Audio;
using Appliance.Core.Speech;
using Appliance.Models.Sherpa.Bench;
using Appliance.Models.Sherpa.Models;
using Appliance.Models.Sherpa.Native;
using Appliance.Models.Sherpa.Vad;

namespace Appliance.Host.Cli;

/// <summary>
/// sherpa-onnx verbs: `vad segments FILE.wav`, `models detect DIR`, `bench vad [--json]`.
/// Bad input (missing files, wrong sample rate, unusable models) prints one clear line and exits 2.
/// </summary>
internal static class SherpaCommands
{
    public static IEnumerable<Command> Create()
    {
        yield return Vad();
        yield return Models();
        yield return Bench();
    }

    private static Command Vad()
    {
        var file = new Argument<string>("file") { Description = "16 kHz mono WAV file" };
        var threshold = new Option<float>("--threshold") { Description = "speech probability threshold (0..1)", DefaultValueFactory = _ => 0.5f };
        var minSilence = new Option<float>("--min-silence") { Description = "silence that closes a segment, seconds", DefaultValueFactory = _ => 0.5f };
        var minSpeech = new Option<float>("--min-speech") { Description = "speech that opens a segment, seconds", DefaultValueFactory = _ => 0.25f };
        var maxSpeech = new Option<float>("--max-speech") { Description = "segment length after which splitting gets eager, seconds", DefaultValueFactory = _ => 20f };
        var model = new Option<string?>("--model") { Description = "silero_vad.onnx (default: the bundled one)" };
        var json = new Option<bool>("--json") { Description = "print JSON" };
        var segments = new Command("segments", "Print the speech segments silero VAD finds in a recording") { file, threshold, minSilence, minSpeech, maxSpeech, model, json };
        segments.SetAction(parse => Guard(() =>
        {
            var samples = WavFile.ReadMono(parse.GetValue(file)!);
            var options = new SileroVadOptions(parse.GetValue(model), parse.GetValue(threshold), parse.GetValue(minSilence), parse.GetValue(minSpeech), parse.GetValue(maxSpeech));
            using var vad = new SherpaVoiceActivityDetector(options);
            var events = new List<VadEvent>();
            vad.Accept(samples, events);
            vad.Flush(events);
            var found = events.OfType<SpeechSegment>().Select(s => new { start_s = s.StartSample / 16000.0, end_s = s.EndSample / 16000.0 }).ToList();
            if (parse.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(new { file = parse.GetValue(file), segments = found }));
            }
            else
            {
                foreach (var s in found)
                {
                    Console.WriteLine($"{s.start_s,8:F3} {s.end_s,8:F3}  ({s.end_s - s.start_s:F2} s)");
                }
                Console.WriteLine($"{found.Count} segment(s) in {samples.Length / 16000.0:F2} s");
            }
        }));
        return new Command("vad", "Voice activity detection (sherpa-onnx silero)") { segments };
    }

    private static Command Models()
    {
        var dir = new Argument<string>("dir") { Description = "a provisioned sherpa-onnx model folder" };
        var detect = new Command("detect", "Tell which sherpa-onnx model family a folder holds and which file fills each config field") { dir };
        detect.SetAction(parse => Guard(() =>
        {
            var model = ModelFolderDetector.Detect(parse.GetValue(dir)!);
            Console.WriteLine($"{model.Kind} ({model.Evidence}) in {model.Directory}");
            foreach (var (role, path) in model.Files.OrderBy(f => f.Key, StringComparer.Ordinal))
            {
                Console.WriteLine($"  {role,-28} {path}");
            }
        }));
        return new Command("models", "Provisioned model folders") { detect };
    }

    private static Command Bench()
    {
        var dir = new Option<string?>("--dir") { Description = "folder of 16 kHz WAV files (default: ../shared/speech/en)" };
        var minSilence = new Option<float>("--min-silence") { Description = "min_silence_duration, seconds", DefaultValueFactory = _ => 0.5f };
        var json = new Option<bool>("--json") { Description = "print JSON" };
        var vad = new Command("vad", "silero VAD real-time factor and endpoint delay over recordings") { dir, minSilence, json };
        vad.SetAction(parse => Guard(() =>
        {
            var folder = parse.GetValue(dir) ?? DefaultSpeechDir();
            var s = VadBenchmark.Run(folder, new SileroVadOptions(MinSilenceSeconds: parse.GetValue(minSilence)));
            if (parse.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(new
                {
                    bench = "vad",
                    engine = $"sherpa-onnx {SherpaOnnxLibrary.Version} silero",
                    files = s.Files,
                    audio_s = Math.Round(s.AudioSeconds, 2),
                    min_silence_s = s.MinSilenceSeconds,
                    vad_rtf = Math.Round(s.VadRtf, 5),
                    vad_cpu_rtf = Math.Round(s.VadCpuRtf, 5),
                    vad_endpoint_delay_ms = new { p50 = Math.Round(s.EndpointDelayMsP50), p95 = Math.Round(s.EndpointDelayMsP95), max = Math.Round(s.EndpointDelayMsMax), n = s.EndpointN },
                }));
            }
            else
            {
                Console.WriteLine($"files {s.Files}, audio {s.AudioSeconds:F1} s, min_silence {s.MinSilenceSeconds} s");
                Console.WriteLine($"vad_rtf {s.VadRtf:F5} (wall), vad_cpu_rtf {s.VadCpuRtf:F5} (process CPU time)");
                Console.WriteLine($"vad_endpoint_delay_ms p50 {s.EndpointDelayMsP50:F0} p95 {s.EndpointDelayMsP95:F0} max {s.EndpointDelayMsMax:F0} n {s.EndpointN}");
            }
        }));
        return new Command("bench", "Benchmarks (print figures named as in MEASURE.md)") { vad };
    }

    private static string DefaultSpeechDir()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            var candidate = Path.Combine(d.FullName, "shared", "speech", "en");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new InvalidAudioException("../shared/speech/en not found; pass --dir");
    }

    // Technician-facing errors: one line, no stack trace, non-zero exit.
    private static int Guard(Action action)
    {
        try
        {
            action();
            return 0;
        }
        catch (Exception e) when (e is SherpaModelException or InvalidAudioException or SherpaVersionMismatchException
                                      or Appliance.Core.Native.NativeLibraryLoadException or IOException)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return 2;
        }
    }
}
