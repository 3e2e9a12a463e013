using System.Diagnostics;
using Appliance.Pipeline;
using Appliance.Pipeline.Events;
using Appliance.Pipeline.Replay;
using Appliance.Pipeline.Tracing;

namespace Appliance.Host.Pipeline;

/// <summary>
/// `bench pipeline`: live-timed replay of real recordings through the real engines (voice_to_voice_ms),
/// scripted interruptions (barge_in_ms), and a memory soak of back-to-back turns (rss_growth_mb).
/// </summary>
internal static class PipelineBench
{
    /// <param name="streamingAsr">Decode while the visitor speaks (when the recogniser can) or whole after the endpoint.</param>
    public static async Task<Dictionary<string, object?>> RunAsync(PipelineEngines engines, IReadOnlyList<PlayStep> recordings, int bargePairs, int soakTurns,
        bool streamingAsr, Action<string> log, CancellationToken ct)
    {
        var clock = TimeProvider.System;
        var runner = new ReplayRunner(clock, new RealTimePacer(clock));
        var options = new PipelineOptions(Log: null, StreamingAsr: streamingAsr);
        var asrMode = streamingAsr && engines.Recognizer is Core.Speech.IStreamingSpeechRecognizer ? "streaming" : "whole";
        log($"asr: {asrMode}");

        log($"replaying {recordings.Count} recordings in real time");
        var session = await runner.RunAsync(recordings, engines.Synthesizer.SampleRate, engines.Build, options, new ReplayOptions(), ct);

        var v = session.Report.VoiceToVoiceMs;
        log($"voice_to_voice_ms p50={v.P50} p95={v.P95} n={v.N} missed={session.Report.Missed}");
        var pairs = recordings.Take(bargePairs * 2).ToList();
        log($"replaying {pairs.Count / 2} scripted interruptions");
        var barge = await runner.RunAsync(pairs, engines.Synthesizer.SampleRate, engines.Build, options, new ReplayOptions(InterruptPairs: true), ct);

        log($"barge_in_ms p50={barge.Report.BargeInMs.P50} p95={barge.Report.BargeInMs.P95} n={barge.Report.BargeInMs.N}");
        log($"memory soak: {soakTurns} turns back to back");
        var (rssAfter10, rssAfterAll, seconds) = await SoakAsync(engines, recordings, soakTurns, ct);

        return new Dictionary<string, object?>
        {
            ["voice_to_voice_ms"] = session.Report.VoiceToVoiceMs,
            ["barge_in_ms"] = barge.Report.BargeInMs,
            ["false_barge_in"] = session.Events.OfType<BargeIn>().Count(),
            ["missed_utterances"] = session.Report.Missed,
            ["stage_ms"] = session.Report.StageMs,
            ["rss_growth_mb"] = Math.Round((rssAfterAll - rssAfter10) / 1048576.0, 1),
            ["rss_after_10_mb"] = Math.Round(rssAfter10 / 1048576.0, 1),
            ["rss_after_all_mb"] = Math.Round(rssAfterAll / 1048576.0, 1),
            ["soak_turns"] = soakTurns,
            ["soak_seconds"] = Math.Round(seconds, 1),
            ["recordings"] = recordings.Count,
            ["engines"] = new Dictionary<string, string>
            {
                ["asr"] = engines.Recognizer.Name,
                ["asr_mode"] = asrMode,
                ["tts"] = engines.Synthesizer.Name,
                ["dialog"] = engines.Model.Name,
                ["vad"] = $"silero (min_silence {engines.Options.EndpointMs} ms)",
            },
            ["turns"] = session.Report.Turns,
        };
    }

    /// <summary>Turns straight through the turn runner (no pacing, speaker drains instantly); RSS after a forced GC.</summary>
    private static async Task<(long After10, long AfterAll, double Seconds)> SoakAsync(PipelineEngines engines, IReadOnlyList<PlayStep> recordings, int turns, CancellationToken ct)
    {
        var clock = TimeProvider.System;
        var playback = new ClockedPlayback(clock, engines.Synthesizer.SampleRate, realTime: false);
        playback.DiscardHistory();
        var components = engines.Build(playback);
        var runner = new TurnRunner(components, new PipelineOptions(), new PipelineEventHub(), clock);
        long after10 = 0;
        var start = Stopwatch.GetTimestamp();
        for (var i = 1; i <= turns; i++)
        {
            ct.ThrowIfCancellationRequested();
            var trace = new TurnTrace(clock);
            trace.Mark(TraceStage.SpeechEnd);
            using var turn = new Turn(i, trace);
            await runner.RunAsync(turn, recordings[i % recordings.Count].Samples, "en", () => { });
            if (i == Math.Min(10, turns))
            {
                after10 = Rss();
            }
        }
        components.Vad.Dispose();
        return (after10, Rss(), Stopwatch.GetElapsedTime(start).TotalSeconds);
    }

    private static long Rss()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        return process.WorkingSet64;
    }
}
