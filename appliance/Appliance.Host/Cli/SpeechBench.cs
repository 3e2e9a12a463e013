using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using Appliance.Core.Audio;
using Appliance.Core.Native;
using Appliance.Core.Speech;
using Appliance.Models.EspeakNg;
using Appliance.Models.PocketSphinx.Evaluation;
using Appliance.Models.PocketSphinx.Language;

namespace Appliance.Host.Cli;

/// <summary>`bench asr` and `bench tts`: accuracy and speed of the embedded speech engines (MEASURE.md names).</summary>
internal static class SpeechBench
{
    private const string ShortEnglish = "Welcome to the science museum.";
    private const string LongEnglish = "The planetarium is on the second floor, next to the space gallery. Shows start every hour, on the hour, "
        + "and last about thirty minutes. Please switch off your phone during the show, and ask the staff at the front desk if you need any help.";
    private const string ShortMandarin = "欢迎来到科学博物馆。";
    private const string LongMandarin = "天文馆在二楼，就在太空展厅旁边。每个整点都有一场演出，每场大约三十分钟。演出期间请关闭手机，如果需要帮助，请询问前台的工作人员。";

    public static Command Asr()
    {
        var json = new Option<bool>("--json") { Description = "print JSON" };
        var data = new Option<DirectoryInfo?>("--data") { Description = "speech data folder with en/ (and zh/) transcripts.tsv (default: ../shared/speech)" };
        var kb = new Option<DirectoryInfo?>("--kb") { Description = "knowledge base for the domain LM (default: the bundled sample kiosk FAQ)" };
        var limit = new Option<int>("--limit") { Description = "use only the first N recordings (0 = all)", DefaultValueFactory = _ => 0 };
        var variants = new Option<int>("--variants") { Description = "synthetic voice/rate variants per in-domain question (1-4)", DefaultValueFactory = _ => 4 };
        var command = new Command("asr", "WER and asr_rtf of pocketsphinx on real recordings, and generic vs domain LM on synthesised in-domain questions")
        {
            json, data, kb, limit, variants,
        };
        command.SetAction(async (parse, ct) => await SpeechCommands.Guard(async () =>
        {
            var log = parse.GetValue(json) ? TextWriter.Null : Console.Out;
            var speech = parse.GetValue(data)?.FullName ?? FindSharedSpeech();
            var clips = ReadCorpus(Path.Combine(speech, "en"), parse.GetValue(limit));
            var report = new Dictionary<string, object?>();

            using (var generic = SpeechCommands.CreateRecognizer("generic", null, log))
            {
                log.WriteLine($"en corpus: {clips.Count} recordings from {speech}/en");
                var real = await RecognitionEvaluation.RunAsync(generic, clips, cancellationToken: ct);
                report["en_real"] = Figures(real, "real recordings (../shared/speech/en), generic en-us LM");
                log.WriteLine($"  wer {real.Score.Rate:P1} ({real.Score.Errors}/{real.Score.ReferenceTokens})  asr_rtf {real.RealTimeFactor:F3}");

                var kbDir = parse.GetValue(kb)?.FullName ?? SyntheticQuestionSet.SampleKnowledgeDir;
                using var tts = EspeakSynthesizer.Create();
                var questions = SyntheticQuestionSet.ReadQuestions(SyntheticQuestionSet.SampleQuestionsPath);
                var set = await SyntheticQuestionSet.SynthesizeAsync(tts, questions,
                    SyntheticQuestionSet.DefaultVariants.Take(Math.Clamp(parse.GetValue(variants), 1, 4)), ct);
                log.WriteLine($"in-domain set: {set.Count} clips ({questions.Count} kiosk questions x espeak-ng voice/rate variants, resampled to 16 kHz)");
                var onGeneric = await RecognitionEvaluation.RunAsync(generic, set, cancellationToken: ct);
                log.WriteLine($"  generic LM: wer {onGeneric.Score.Rate:P1}  asr_rtf {onGeneric.RealTimeFactor:F3}");
                using var domain = SpeechCommands.CreateRecognizer("domain", kbDir, log);
                var onDomain = await RecognitionEvaluation.RunAsync(domain, set, cancellationToken: ct);
                log.WriteLine($"  domain LM:  wer {onDomain.Score.Rate:P1}  asr_rtf {onDomain.RealTimeFactor:F3}");
                report["en_in_domain_synthetic"] = new Dictionary<string, object?>
                {
                    ["set"] = $"{questions.Count} kiosk questions (12 FAQ verbatim, 12 paraphrases) spoken by espeak-ng, {set.Count} clips; synthetic speech, for comparing LMs only",
                    ["knowledge_base"] = kbDir,
                    ["generic"] = Figures(onGeneric, "generic en-us LM"),
                    ["domain"] = Figures(onDomain, "Kneser-Ney trigram from the knowledge base"),
                };
            }
            report["zh"] = new Dictionary<string, object?>
            {
                ["cer"] = null,
                ["reason"] = "Debian ships no Mandarin pocketsphinx model (apt-cache search pocketsphinx: only pocketsphinx-en-us); zh ASR needs a provisioned sherpa-onnx model",
            };
            if (parse.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(report, SpeechCommands.Json));
            }
            else
            {
                Console.WriteLine("zh: no CER: Debian has no Mandarin pocketsphinx model");
            }
        }));
        return command;
    }

    public static Command Tts()
    {
        var json = new Option<bool>("--json") { Description = "print JSON" };
        var repeats = new Option<int>("--repeats") { Description = "runs per case (the median is reported)", DefaultValueFactory = _ => 5 };
        var command = new Command("tts", "tts_rtf and tts_first_chunk_ms of espeak-ng per voice, short and long texts") { json, repeats };
        command.SetAction(async (parse, ct) => await SpeechCommands.Guard(async () =>
        {
            using var tts = EspeakSynthesizer.Create();
            var n = Math.Max(1, parse.GetValue(repeats));
            var rows = new List<Dictionary<string, object>>();
            await Measure(tts, "en", ShortEnglish, ct); // warm-up: first use loads voice data and JITs the path
            foreach (var (lang, length, text) in new[] { ("en", "short", ShortEnglish), ("en", "long", LongEnglish), ("zh", "short", ShortMandarin), ("zh", "long", LongMandarin) })
            {
                var runs = new List<(double FirstMs, double Rtf, double Seconds)>();
                for (var i = 0; i < n; i++)
                {
                    runs.Add(await Measure(tts, lang, text, ct));
                }
                var row = new Dictionary<string, object>
                {
                    ["voice"] = EspeakSynthesizer.VoiceFor(lang),
                    ["text"] = length,
                    ["audio_s"] = Math.Round(runs[0].Seconds, 2),
                    ["tts_first_chunk_ms"] = Math.Round(Median(runs.Select(r => r.FirstMs)), 1),
                    ["tts_rtf"] = Math.Round(Median(runs.Select(r => r.Rtf)), 4),
                    ["runs"] = n,
                };
                rows.Add(row);
                if (!parse.GetValue(json))
                {
                    Console.WriteLine($"{row["voice"],-16} {length,-5} audio {row["audio_s"],5} s  tts_first_chunk_ms {row["tts_first_chunk_ms"],6}  tts_rtf {row["tts_rtf"]}  (median of {n})");
                }
            }
            if (parse.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(new { engine = tts.Name, sample_rate = tts.SampleRate, results = rows }, SpeechCommands.Json));
            }
        }));
        return command;
    }

    private static async Task<(double FirstMs, double Rtf, double Seconds)> Measure(EspeakSynthesizer tts, string lang, string text, CancellationToken ct)
    {
        var start = Stopwatch.GetTimestamp();
        double first = -1;
        long samples = 0;
        await foreach (var chunk in tts.SynthesizeAsync(text, new SynthesisOptions(lang), ct))
        {
            if (first < 0 && chunk.Samples.Length > 0)
            {
                first = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            }
            samples += chunk.Samples.Length;
        }
        var total = Stopwatch.GetElapsedTime(start).TotalSeconds;
        var seconds = samples / (double)tts.SampleRate;
        return (first, total / seconds, seconds);
    }

    private static double Median(IEnumerable<double> values)
    {
        var v = values.Order().ToList();
        return v.Count % 2 == 1 ? v[v.Count / 2] : (v[v.Count / 2 - 1] + v[v.Count / 2]) / 2;
    }

    private static Dictionary<string, object?> Figures(EvaluationResult r, string what) => new()
    {
        ["what"] = what,
        ["wer"] = Math.Round(r.Score.Rate, 4),
        ["errors"] = r.Score.Errors,
        ["substitutions"] = r.Score.Substitutions,
        ["deletions"] = r.Score.Deletions,
        ["insertions"] = r.Score.Insertions,
        ["reference_words"] = r.Score.ReferenceTokens,
        ["utterances"] = r.Score.Utterances,
        ["audio_s"] = Math.Round(r.AudioSeconds, 1),
        ["asr_rtf"] = Math.Round(r.RealTimeFactor, 4),
    };

    private static List<LabelledClip> ReadCorpus(string dir, int limit)
    {
        var tsv = Path.Combine(dir, "transcripts.tsv");
        if (!File.Exists(tsv))
        {
            throw new FileNotFoundException($"no transcripts.tsv in {dir}", tsv);
        }
        var rows = File.ReadAllLines(tsv).Where(l => l.Contains('\t')).Select(l => l.Split('\t', 2)).Where(p => p[0].EndsWith(".wav", StringComparison.Ordinal));
        if (limit > 0)
        {
            rows = rows.Take(limit);
        }
        return rows.Select(p => new LabelledClip(p[0], p[1].Trim(), WavFile.ReadMono(Path.Combine(dir, p[0])))).ToList();
    }

    /// <summary>../shared/speech beside the checkout (or $APPLIANCE_SHARED/speech).</summary>
    private static string FindSharedSpeech()
    {
        var env = Environment.GetEnvironmentVariable("APPLIANCE_SHARED");
        var roots = new List<string>();
        if (!string.IsNullOrEmpty(env))
        {
            roots.Add(env);
        }
        for (var dir = new DirectoryInfo(AppliancePaths.FindRepositoryRoot() ?? Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
        {
            roots.Add(Path.Combine(dir.FullName, "shared"));
        }
        return roots.Select(r => Path.Combine(r, "speech")).FirstOrDefault(Directory.Exists)
            ?? throw new DirectoryNotFoundException("speech data not found (../shared/speech); pass --data DIR or set APPLIANCE_SHARED");
    }
}
