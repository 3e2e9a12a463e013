using System.CommandLine;
using System.Text.Json;
using Appliance.Host.Pipeline;
using Appliance.Pipeline;
using Appliance.Pipeline.Replay;

namespace Appliance.Host.Cli;

/// <summary>
/// The conversation pipeline from the command line: `replay` (recordings spoken to the real pipeline,
/// timed like a live microphone) and `bench pipeline` (voice_to_voice_ms, barge_in_ms, rss_growth_mb).
/// </summary>
internal static class PipelineCommands
{
    public static IEnumerable<Command> Create()
    {
        yield return Replay();
        yield return new Command("bench", "Benchmarks that print the figures named in MEASURE.md (--json for machines)") { Bench() };
    }

    private static Option<string> LlmOption() => new("--llm")
    {
        Description = "kb (knowledge-base responder, the embedded default), synthetic (Qwen2.5-0.5B shape, random weights, Q4_0) or a GGUF path",
        DefaultValueFactory = _ => "kb",
    };

    private static Option<int?> ThreadsOption() => new("--threads") { Description = "llama.cpp threads (default: all cores)" };

    private static Option<string> AsrOption() => new("--asr")
    {
        Description = "streaming (decode while the visitor speaks, when the recogniser can) or whole (decode the utterance after the endpoint)",
        DefaultValueFactory = _ => "streaming",
    };

    private static bool Streaming(ParseResult parse, Option<string> asr) => parse.GetValue(asr) switch
    {
        "streaming" => true,
        "whole" => false,
        var other => throw new ArgumentException($"--asr: '{other}' is not streaming or whole"),
    };

    private static Option<int> MaxTokensOption() => new("--max-tokens") { Description = "LLM reply length cap", DefaultValueFactory = _ => 48 };

    private static Command Replay()
    {
        var inputs = new Option<FileInfo[]>("--in") { Description = "16 kHz mono WAV recordings, spoken in this order", Required = true, AllowMultipleArgumentsPerToken = true };
        var output = new Option<DirectoryInfo>("--out") { Description = "folder for report.json, timeline.json, reply_NN.wav, session.wav", Required = true };
        var llm = LlmOption();
        var threads = ThreadsOption();
        var maxTokens = MaxTokensOption();
        var bargeIn = new Option<BargeInMode>("--barge-in") { Description = "Off, On or AfterFirstSentence", DefaultValueFactory = _ => BargeInMode.On };
        var interrupt = new Option<bool>("--interrupt") { Description = "recordings in pairs: the second interrupts the reply to the first" };
        var gap = new Option<int>("--gap-ms") { Description = "silence after each reply before the next recording", DefaultValueFactory = _ => 800 };
        var json = new Option<bool>("--json") { Description = "print the report as JSON" };
        var modelsDir = new Option<DirectoryInfo?>("--models-dir") { Description = "provisioned models (asr/, tts/ sherpa-onnx folders replace pocketsphinx/espeak-ng); default: the active provisioned configuration" };
        var asr = AsrOption();
        var command = new Command("replay", "Speak recordings to the real pipeline as a visitor would and report per-stage latency and voice_to_voice_ms")
        {
            inputs, output, llm, threads, maxTokens, bargeIn, interrupt, gap, json, modelsDir, asr,
        };
        command.SetAction(async (parse, ct) => await SpeechCommands.Guard(async () =>
        {
            var recordings = parse.GetValue(inputs)!.Select(f => SpeechData.Load(f.FullName)).ToList();
            using var engines = PipelineEngines.Create(new PipelineEngineOptions(parse.GetValue(llm)!, parse.GetValue(threads), parse.GetValue(maxTokens), ModelsDir: parse.GetValue(modelsDir)?.FullName), Console.Error.WriteLine);
            var clock = TimeProvider.System;
            var runner = new ReplayRunner(clock, new RealTimePacer(clock));
            var options = new PipelineOptions(BargeIn: parse.GetValue(bargeIn), Log: Console.Error.WriteLine, StreamingAsr: Streaming(parse, asr));
            var replay = new ReplayOptions(Gap: TimeSpan.FromMilliseconds(parse.GetValue(gap)), InterruptPairs: parse.GetValue(interrupt));
            var session = await runner.RunAsync(recordings, engines.Synthesizer.SampleRate, engines.Build, options, replay, ct);
            var dir = parse.GetValue(output)!.FullName;
            ReplayOutput.Write(session, dir, clock);
            if (parse.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(session.Report, ReplayOutput.Json));
                return;
            }
            foreach (var t in session.Report.Turns)
            {
                Console.WriteLine($"{t.Utterance}: \"{t.Transcript}\" → \"{t.Reply}\" [{t.Source}, {t.Outcome}] voice_to_voice_ms={t.VoiceToVoiceMs?.ToString("F0") ?? "-"}{(t.BargeInMs is { } b ? $" barge_in_ms={b:F0}" : "")}");
            }
            var v = session.Report.VoiceToVoiceMs;
            Console.WriteLine($"voice_to_voice_ms p50={v.P50} p95={v.P95} n={v.N}; barge_in_ms p50={session.Report.BargeInMs.P50} n={session.Report.BargeInMs.N}; missed={session.Report.Missed}; written to {dir}");
        }));
        return command;
    }

    private static Command Bench()
    {
        var json = new Option<bool>("--json") { Description = "print JSON" };
        var llm = LlmOption();
        llm.DefaultValueFactory = _ => "synthetic";
        var threads = ThreadsOption();
        var maxTokens = MaxTokensOption();
        maxTokens.DefaultValueFactory = _ => 24;
        var count = new Option<int>("--count") { Description = "recordings of ../shared/speech/en to replay (0 = all)", DefaultValueFactory = _ => 0 };
        var pairs = new Option<int>("--barge-in-pairs") { Description = "scripted interruptions", DefaultValueFactory = _ => 6 };
        var soak = new Option<int>("--rss-turns") { Description = "turns of the memory soak", DefaultValueFactory = _ => 1000 };
        var asr = AsrOption();
        var command = new Command("pipeline", "Replay ../shared/speech/en through the real pipeline: voice_to_voice_ms p50/p95, barge_in_ms, rss_growth_mb")
        {
            json, llm, threads, maxTokens, count, pairs, soak, asr,
        };
        command.SetAction(async (parse, ct) => await SpeechCommands.Guard(async () =>
        {
            var files = SpeechData.SharedRecordings("en");
            var n = parse.GetValue(count);
            var recordings = (n > 0 ? files.Take(n) : files).Select(SpeechData.Load).ToList();
            using var engines = PipelineEngines.Create(new PipelineEngineOptions(parse.GetValue(llm)!, parse.GetValue(threads), parse.GetValue(maxTokens)), Console.Error.WriteLine);
            var result = await PipelineBench.RunAsync(engines, recordings, parse.GetValue(pairs), parse.GetValue(soak), Streaming(parse, asr), Console.Error.WriteLine, ct);
            if (parse.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(result, ReplayOutput.Json));
                return;
            }
            result.Remove("turns");
            foreach (var (key, value) in result)
            {
                Console.WriteLine($"{key,-20} {JsonSerializer.Serialize(value, ReplayOutput.Json).Replace("\n", " ").Replace("  ", "")}");
            }
        }));
        return command;
    }
}
