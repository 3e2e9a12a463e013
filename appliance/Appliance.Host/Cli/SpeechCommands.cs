using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using Appliance.Core.Audio;
using Appliance.Core.Native;
using Appliance.Core.Speech;
using Appliance.Models.EspeakNg;
using Appliance.Models.PocketSphinx;
using Appliance.Models.PocketSphinx.Language;

namespace Appliance.Host.Cli;

/// <summary>
/// The embedded speech engines from the command line: `asr transcribe`, `tts say`, and the benchmarks
/// `bench asr` / `bench tts` (<see cref="SpeechBench"/>). <see cref="BenchSubcommands"/> exposes the two
/// benchmarks alone so they can hang under a shared `bench` verb.
/// </summary>
internal static class SpeechCommands
{
    public static IEnumerable<Command> Create()
    {
        var bench = new Command("bench", "Benchmarks that print the figures named in MEASURE.md (--json for machines)");
        foreach (var sub in BenchSubcommands())
        {
            bench.Subcommands.Add(sub);
        }
        yield return bench;
        yield return Asr();
        yield return Tts();
    }

    public static IEnumerable<Command> BenchSubcommands() => [SpeechBench.Asr(), SpeechBench.Tts()];

    private static Command Asr()
    {
        var file = new Argument<FileInfo>("file") { Description = "16 kHz mono WAV (16-bit or better)" };
        var lm = new Option<string>("--lm") { Description = "generic (Debian en-us model) or domain (built from --kb)", DefaultValueFactory = _ => "generic" };
        var kb = new Option<DirectoryInfo?>("--kb") { Description = "knowledge-base folder for --lm domain (default: the bundled sample kiosk FAQ)" };
        var transcribe = new Command("transcribe", "Recognise one WAV file with pocketsphinx") { file, lm, kb };
        transcribe.SetAction(async (parse, ct) => await Guard(async () =>
        {
            var samples = WavFile.ReadMono(parse.GetValue(file)!.FullName);
            using var recognizer = CreateRecognizer(parse.GetValue(lm)!, parse.GetValue(kb)?.FullName, Console.Error);
            var start = Stopwatch.GetTimestamp();
            var result = await recognizer.RecognizeAsync(samples, ct);
            var seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
            Console.WriteLine(result.Text);
            Console.Error.WriteLine($"confidence {result.Confidence:F2}  audio {samples.Length / 16000.0:F2} s  asr_rtf {seconds / (samples.Length / 16000.0):F3}  ({recognizer.Name})");
        }));
        return new Command("asr", "Speech recognition with the embedded engine (pocketsphinx en-US)") { transcribe };
    }

    private static Command Tts()
    {
        var text = new Argument<string>("text") { Description = "what to say" };
        var output = new Option<FileInfo>("--out") { Description = "WAV file to write (22050 Hz mono 16-bit)", Required = true };
        var lang = new Option<string>("--lang") { Description = "en or zh", DefaultValueFactory = _ => "en" };
        var emotion = new Option<Emotion>("--emotion") { Description = "neutral, happy, sad, surprised, angry, thinking", DefaultValueFactory = _ => Emotion.Neutral };
        var rate = new Option<double>("--rate") { Description = "speed multiplier", DefaultValueFactory = _ => 1.0 };
        var phonemes = new Option<bool>("--phonemes") { Description = "print the phoneme timeline (ms from the start)" };
        var say = new Command("say", "Synthesise text with espeak-ng into a WAV file") { text, output, lang, emotion, rate, phonemes };
        say.SetAction(async (parse, ct) => await Guard(async () =>
        {
            using var tts = EspeakSynthesizer.Create();
            var samples = new List<float>();
            var marks = new List<PhonemeMark>();
            var options = new SynthesisOptions(parse.GetValue(lang)!, Emotion: parse.GetValue(emotion), Rate: parse.GetValue(rate));
            await foreach (var chunk in tts.SynthesizeAsync(parse.GetValue(text)!, options, ct))
            {
                samples.AddRange(chunk.Samples);
                marks.AddRange(chunk.Phonemes);
            }
            var path = parse.GetValue(output)!.FullName;
            WavFile.Write(path, samples.ToArray(), tts.SampleRate);
            Console.WriteLine($"{path}: {samples.Count / (double)tts.SampleRate:F2} s at {tts.SampleRate} Hz, {marks.Count} phonemes ({tts.Name})");
            if (parse.GetValue(phonemes))
            {
                foreach (var m in marks)
                {
                    Console.WriteLine($"{m.SampleOffset * 1000.0 / tts.SampleRate,8:F1} ms  {m.Phoneme}");
                }
            }
        }));
        return new Command("tts", "Speech synthesis with the embedded engine (espeak-ng en/zh)") { say };
    }

    /// <summary>The generic recogniser, or one with a domain model built from <paramref name="kb"/> into a temp file.</summary>
    internal static PocketSphinxRecognizer CreateRecognizer(string lm, string? kb, TextWriter log)
    {
        switch (lm)
        {
            case "generic":
                return PocketSphinxRecognizer.Create();
            case "domain":
                var dir = kb ?? Appliance.Models.PocketSphinx.Evaluation.SyntheticQuestionSet.SampleKnowledgeDir;
                var arpa = Path.Combine(Path.GetTempPath(), $"appliance-domain-{Environment.ProcessId}.arpa");
                var built = DomainLanguageModel.Build(dir, arpa);
                log.WriteLine($"domain LM from {dir}: {built.Vocabulary} words, {built.Sentences} weighted sentences"
                    + (built.OutOfVocabulary.Count > 0 ? $"; not in the dictionary (add to {DomainLanguageModel.PronunciationsFile}): {string.Join(' ', built.OutOfVocabulary)}" : string.Empty));
                return PocketSphinxRecognizer.Create(built.Options);
            default:
                throw new ArgumentException($"--lm must be generic or domain, not '{lm}'");
        }
    }

    /// <summary>Turns the errors a technician can fix into one line on stderr and exit code 1.</summary>
    internal static async Task<int> Guard(Func<Task> action)
    {
        try
        {
            await action();
            return 0;
        }
        catch (Exception e) when (e is InvalidAudioException or FileNotFoundException or DirectoryNotFoundException or ArgumentException
            or PocketSphinxException or EspeakException or NativeLibraryLoadException or FormatException or InvalidOperationException)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return 1;
        }
    }

    internal static readonly JsonSerializerOptions Json = new() { WriteIndented = true };
}
