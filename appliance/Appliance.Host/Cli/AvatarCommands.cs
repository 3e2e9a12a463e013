using System.CommandLine;
using Appliance.Avatar.Hub;
using Appliance.Avatar.Measurement;
using Appliance.Avatar.Timeline;
using Appliance.Core.Audio;
using Appliance.Core.Speech;
using Appliance.Models.EspeakNg;
using Appliance.Pipeline.Replay;

namespace Appliance.Host.Cli;

/// <summary>
/// The kiosk avatar without the full service: `avatar serve` (page on loopback, optional demo loop),
/// `avatar say` (espeak-ng speech played on the page with lip-sync), and `bench lipsync`.
/// </summary>
internal static class AvatarCommands
{
    public static IEnumerable<Command> Create()
    {
        yield return new Command("avatar", "The kiosk avatar page (what the HDMI screen shows)") { Serve(), Say() };
        yield return new Command("bench", "Benchmarks (print figures named as in MEASURE.md)") { BenchLipsync() };
    }

    private static Option<int> PortOption() => new("--port") { Description = "TCP port on 127.0.0.1", DefaultValueFactory = _ => 8080 };

    private static Option<DirectoryInfo?> AssetsOption() => new("--assets") { Description = "folder whose avatar.svg / rig.json / page files replace the built-in ones" };

    private static Command Serve()
    {
        var port = PortOption();
        var assets = AssetsOption();
        var demo = new Option<bool>("--demo") { Description = "cycle through expressions and gestures (for a technician checking the screen)" };
        var serve = new Command("serve", "Serve the kiosk page on http://127.0.0.1:PORT/kiosk until Ctrl-C") { port, assets, demo };
        serve.SetAction(async (parse, ct) =>
        {
            await using var server = await AvatarServer.StartAsync(parse.GetValue(port), parse.GetValue(assets)?.FullName, ct);
            Console.WriteLine($"avatar: {server.PageUri} (WebSocket {AvatarEndpoints.SocketPath}); Ctrl-C stops");
            try
            {
                if (parse.GetValue(demo))
                {
                    await DemoLoopAsync(server.Hub, ct);
                }
                await Task.Delay(Timeout.Infinite, ct);
            }
            catch (OperationCanceledException)
            {
                // Ctrl-C
            }
            return 0;
        });
        return serve;
    }

    private static async Task DemoLoopAsync(AvatarHub hub, CancellationToken ct)
    {
        string[] expressions = ["neutral", "happy", "sad", "surprised", "angry", "thinking"];
        string[] gestures = ["wave", "heart", "bow", "point", "akimbo"];
        string[] states = ["idle", "listening", "thinking", "speaking"];
        for (var i = 0; !ct.IsCancellationRequested; i++)
        {
            var now = hub.Clock.NowMs;
            await hub.SetStateAsync(states[i % states.Length]);
            await hub.PlayAsync([
                new AvatarCue(now + 100, "expression", expressions[i % expressions.Length]),
                new AvatarCue(now + 300, "gesture", gestures[i % gestures.Length]),
            ]);
            Console.WriteLine($"demo: {states[i % states.Length]}, {expressions[i % expressions.Length]}, {gestures[i % gestures.Length]}");
            await Task.Delay(4000, ct);
        }
    }

    private static Command Say()
    {
        var text = new Argument<string>("text") { Description = "what to say" };
        var port = PortOption();
        var assets = AssetsOption();
        var lang = new Option<string>("--lang") { Description = "en or zh", DefaultValueFactory = _ => "en" };
        var emotion = new Option<Emotion>("--emotion") { Description = "neutral, happy, sad, surprised, angry, thinking", DefaultValueFactory = _ => Emotion.Happy };
        var gesture = new Option<string?>("--gesture") { Description = "wave, heart, bow, point or akimbo at the start" };
        var wait = new Option<double>("--wait") { Description = "seconds to wait for a kiosk page to connect before speaking", DefaultValueFactory = _ => 30 };
        var output = new Option<FileInfo?>("--out") { Description = "also write the speech to this WAV file" };
        var say = new Command("say", "Serve the page, wait for it to connect, then speak the text with espeak-ng and lip-sync") { text, port, assets, lang, emotion, gesture, wait, output };
        say.SetAction(async (parse, ct) =>
        {
            await using var server = await AvatarServer.StartAsync(parse.GetValue(port), parse.GetValue(assets)?.FullName, ct);
            var hub = server.Hub;
            Console.WriteLine($"avatar: open {server.PageUri} (waiting up to {parse.GetValue(wait)} s for it)");
            var deadline = DateTime.UtcNow.AddSeconds(parse.GetValue(wait));
            while (hub.ClientCount == 0 && DateTime.UtcNow < deadline)
            {
                await Task.Delay(100, ct);
            }
            if (hub.ClientCount == 0)
            {
                Console.WriteLine("avatar: no page connected; speaking anyway");
            }
            await Task.Delay(700, ct); // let the page's clock sync settle (8 pings in ~0.5 s)

            using var tts = EspeakSynthesizer.Create();
            var samples = new List<float>();
            var marks = new List<PhonemeMark>();
            var sentence = parse.GetValue(text)!;
            await foreach (var chunk in tts.SynthesizeAsync(sentence, new SynthesisOptions(parse.GetValue(lang)!, Emotion: parse.GetValue(emotion)), ct))
            {
                samples.AddRange(chunk.Samples);
                marks.AddRange(chunk.Phonemes);
            }
            if (parse.GetValue(output) is { } file)
            {
                WavFile.Write(file.FullName, samples.ToArray(), tts.SampleRate);
            }
            // No sound card is assumed here: a clocked stand-in speaker keeps the same timing contract
            // (sample position → time) that the service's real playback provides.
            var playback = new ClockedPlayback(hub.Clock.Time, tts.SampleRate);
            var clock = new PlaybackClock(hub.Clock, () => playback.Position, tts.SampleRate);
            var preroll = tts.SampleRate * LipsyncBench.PrerollMs / 1000;
            var audio = new float[preroll + samples.Count];
            samples.CopyTo(audio, preroll);
            var position = await playback.WriteAsync(audio, ct);
            var start = clock.TimeOfFrame(position + preroll);
            var durationMs = samples.Count * 1000.0 / tts.SampleRate;
            var cues = new List<AvatarCue>
            {
                new(start - 50, "expression", parse.GetValue(emotion).ToString().ToLowerInvariant()),
                new(start, "subtitle", sentence, start + durationMs),
            };
            if (parse.GetValue(gesture) is { Length: > 0 } g)
            {
                cues.Add(new AvatarCue(start, "gesture", g));
            }
            cues.AddRange(TimelineBuilder.FromPhonemes(marks, tts.SampleRate, start, samples.Count));
            await hub.SetStateAsync("speaking");
            await hub.PlayAsync(cues);
            Console.WriteLine($"avatar: {durationMs / 1000:F1} s of speech, {cues.Count(c => c.Kind == "viseme")} visemes, {hub.ClientCount} page(s)");
            await playback.DrainAsync(ct);
            await Task.Delay(1500, ct);
            await hub.SetStateAsync("idle");
            await hub.PlayAsync([new AvatarCue(hub.Clock.NowMs, "expression", "neutral")]);
            await Task.Delay(300, ct);
            return 0;
        });
        return say;
    }

    private static Command BenchLipsync()
    {
        var phrases = new Option<int>("--phrases") { Description = "how many phrases to speak (about 3 s each)", DefaultValueFactory = _ => 12 };
        var json = new Option<bool>("--json") { Description = "print JSON" };
        var chromium = new Option<string>("--chromium") { Description = "Chromium binary", DefaultValueFactory = _ => HeadlessChromium.DefaultBinary };
        var nice = new Option<int>("--nice") { Description = "nice value for every thread of Chromium's process tree (e.g. -10 ≈ the kiosk unit's CPUWeight=1000; 0 = leave alone, the default: flattening Chromium's own thread priorities did not help on the shared box)", DefaultValueFactory = _ => 0 };
        var live = new Option<bool>("--live") { Description = "measure the real service: `appliance run --replay <--in files>` as a child process, Chromium on its /kiosk page" };
        var input = new Option<FileInfo[]>("--in") { Description = "with --live: 16 kHz recordings the service answers (questions)", AllowMultipleArgumentsPerToken = true };
        var repeat = new Option<int>("--repeat") { Description = "with --live: replay the --in list this many times (long-run drift)", DefaultValueFactory = _ => 1 };
        var lipsync = new Command("lipsync", "lipsync_offset_ms: headless Chromium on the kiosk page vs the audio clock (espeak-ng phonemes; --live: through the real service)") { phrases, json, chromium, nice, live, input, repeat };
        lipsync.SetAction(async (parse, ct) =>
        {
            var asJson = parse.GetValue(json);
            Action<string>? log = asJson ? null : Console.Error.WriteLine;
            var niceness = parse.GetValue(nice) is var n && n != 0 ? n : (int?)null;
            LipsyncReport report;
            string engine;
            object? liveInfo = null;
            if (parse.GetValue(live))
            {
                var files = (parse.GetValue(input) ?? []).Select(f => f.FullName).ToList();
                if (files.Count == 0)
                {
                    Console.Error.WriteLine("bench lipsync --live: give recordings with --in a.wav b.wav");
                    return 2;
                }
                if (files.Find(f => !File.Exists(f)) is { } missing)
                {
                    Console.Error.WriteLine($"bench lipsync --live: no such file '{missing}'");
                    return 2;
                }
                var script = Enumerable.Repeat(files, Math.Max(1, parse.GetValue(repeat))).SelectMany(f => f).ToList();
                await using var service = LiveLipsyncService.Start(script, log);
                await service.WaitForPageAsync(ct);
                report = await LiveLipsyncBench.RunAsync(service.KioskPage, service.PlayedDirectory, service.WaitForReplayAsync, log, parse.GetValue(chromium)!, niceness, ct);
                engine = "espeak-ng (appliance run --replay)";
                liveInfo = new { recordings = script.Count, turns = service.Turns, speaker_latency_ms = Runtime.AudioRig.ReplayOutputLatency.TotalMilliseconds };
            }
            else
            {
                using var tts = EspeakSynthesizer.Create();
                engine = tts.Name;
                report = await LipsyncBench.RunAsync(tts, parse.GetValue(phrases), log, parse.GetValue(chromium)!, niceness, ct);
            }
            if (asJson)
            {
                Console.WriteLine(CliJson.Serialize(new
                {
                    bench = "lipsync",
                    mode = liveInfo is null ? "simulated-speaker" : "live-service",
                    tts = engine,
                    live = liveInfo,
                    chromium_nice = niceness ?? 0,
                    lipsync_offset_ms = new { mean = report.MeanOffsetMs, median = report.MedianOffsetMs, p95_abs = report.P95AbsOffsetMs, max_abs = report.MaxAbsOffsetMs, within_40 = report.Within40, drift_ms_per_min = report.DriftMsPerMinute, first_third_median = report.FirstThirdMedianMs, last_third_median = report.LastThirdMedianMs },
                    viseme_onset_offset_ms = new { n = report.VisemeOnsets, mean = report.VisemeMeanOffsetMs, p95_abs = report.VisemeP95AbsOffsetMs, max_abs = report.VisemeMaxAbsOffsetMs },
                    phrases = report.Phrases,
                    run_s = report.RunSeconds,
                    page_clock_drift_ppm = report.PageSyncDriftPpm,
                    page_clock_samples = report.PageSyncSamples,
                    per_phrase = report.PhraseDetails,
                }));
            }
            else
            {
                Console.WriteLine($"lipsync_offset_ms: mean {report.MeanOffsetMs} median {report.MedianOffsetMs} p95|.| {report.P95AbsOffsetMs} max|.| {report.MaxAbsOffsetMs} ({report.Within40}/{report.Phrases} within ±40) drift {report.DriftMsPerMinute} ms/min over {report.Phrases} phrases ({report.RunSeconds} s)");
                Console.WriteLine($"viseme onsets: n={report.VisemeOnsets} mean {report.VisemeMeanOffsetMs} p95|.| {report.VisemeP95AbsOffsetMs} max|.| {report.VisemeMaxAbsOffsetMs} ms; page clock drift {report.PageSyncDriftPpm} ppm");
            }
            return 0;
        });
        return lipsync;
    }
}
