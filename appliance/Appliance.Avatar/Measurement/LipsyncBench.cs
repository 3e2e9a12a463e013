using System.Collections.Concurrent;
using Appliance.Avatar.Hub;
using Appliance.Avatar.Pipeline;
using Appliance.Avatar.Timeline;
using Appliance.Avatar.Visemes;
using Appliance.Core.Speech;
using Appliance.Pipeline;
using Appliance.Pipeline.Events;
using Appliance.Pipeline.Replay;

namespace Appliance.Avatar.Measurement;

/// <summary>
/// Speaks phrases through the real avatar service (Kestrel + hub) into a clocked speaker, while headless
/// Chromium runs the kiosk page with reporting on; compares when the page drew each mouth opening with
/// when the matching audio played. Both sides are on the server clock: the speaker by construction,
/// the page through its own clock sync — so the figure includes the sync error, as on the kiosk.
/// </summary>
public static class LipsyncBench
{
    /// <summary>Audio the speaker holds before a phrase starts (a real device's output buffer/latency).</summary>
    public const int PrerollMs = 80;
    private const float OnsetLevel = 0.02f;

    private static readonly string[] Texts =
    [
        "Hello! Welcome to the science museum.",
        "The cafe is on the second floor, next to the planetarium.",
        "Our opening hours are nine to five, every day except Monday.",
        "Would you like me to show you the way to the dinosaur hall?",
        "Tickets for the space show are available at the front desk.",
        "Please remember to keep your bags with you at all times.",
        "I am happy to help. Just ask me anything about the museum.",
        "Thank you for visiting, and have a wonderful afternoon!",
    ];

    public static async Task<LipsyncReport> RunAsync(ISpeechSynthesizer tts, int phrases, Action<string>? log = null, string chromium = HeadlessChromium.DefaultBinary, int? nice = null, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(phrases);
        await using var server = await AvatarServer.StartAsync(0, ct: ct).ConfigureAwait(false);
        var applied = new ConcurrentQueue<AppliedCue>();
        server.Hub.Applied += applied.Enqueue;
        await using var browser = await HeadlessChromium.StartAsync(binary: chromium, nice: nice, ct: ct).ConfigureAwait(false);
        await browser.NavigateAsync(new Uri(server.PageUri, "?report=1"), "window.avatar && window.avatar.sync.count >= 6", ct).ConfigureAwait(false);
        log?.Invoke($"page ready at {server.PageUri}");

        // The service's path: pipeline events (as PlaybackStage publishes them, at playback frames)
        // → AvatarPipelineBridge → hub → page.
        var hub = server.Hub;
        var time = hub.Clock.Time;
        var playback = new ClockedPlayback(time, tts.SampleRate);
        var events = new PipelineEventHub();
        var bridge = new AvatarPipelineBridge(events, hub, new PlaybackClock(hub.Clock, () => playback.Position, tts.SampleRate));
        using var stopBridge = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var bridging = bridge.RunAsync(stopBridge.Token);
        var spoken = new List<(int Index, string Text, double AudioOnset, double AudioEnd)>();
        var runStart = hub.Clock.NowMs;
        for (var i = 0; i < phrases; i++)
        {
            var text = Texts[i % Texts.Length];
            var samples = new List<float>();
            var marks = new List<PhonemeMark>();
            await foreach (var chunk in tts.SynthesizeAsync(text, new SynthesisOptions("en"), ct).ConfigureAwait(false))
            {
                samples.AddRange(chunk.Samples);
                marks.AddRange(chunk.Phonemes);
            }
            var preroll = tts.SampleRate * PrerollMs / 1000;
            var audio = new float[preroll + samples.Count];
            samples.CopyTo(audio, preroll);
            var before = playback.Position.Timestamp;
            var position = await playback.WriteAsync(audio, ct).ConfigureAwait(false);
            var first = position + preroll;
            var now = time.GetTimestamp();
            events.Publish(new StateChanged(now, i + 1, ConversationState.Thinking, ConversationState.Speaking, "bench"));
            events.Publish(new Subtitle(now, i + 1, 0, text, "en", first, samples.Count));
            events.Publish(new EmotionCue(now, i + 1, Emotion.Happy, first));
            foreach (var m in marks)
            {
                events.Publish(new PhonemeCue(now, i + 1, m.Phoneme, first + m.SampleOffset));
            }
            events.Publish(new PhonemeCue(now, i + 1, "_", first + samples.Count));
            var onset = playback.FirstSoundBetween(before, long.MaxValue, OnsetLevel)
                ?? throw new InvalidOperationException($"phrase {i} is silent");
            var onsetMs = hub.Clock.ToMs(onset);
            spoken.Add((i, text, onsetMs, onsetMs + samples.Count * 1000.0 / tts.SampleRate));
            await playback.DrainAsync(ct).ConfigureAwait(false);
            events.Publish(new StateChanged(time.GetTimestamp(), i + 1, ConversationState.Speaking, ConversationState.Listening, "bench"));
            await Task.Delay(400, ct).ConfigureAwait(false);
            playback.DiscardHistory(); // keep memory flat on long runs; onsets are already taken
            log?.Invoke($"phrase {i}: {marks.Count} phonemes, {samples.Count * 1000.0 / tts.SampleRate:F0} ms");
        }
        await Task.Delay(300, ct).ConfigureAwait(false);
        await stopBridge.CancelAsync().ConfigureAwait(false);
        await bridging.ConfigureAwait(false);
        var syncDrift = (double?)(await browser.EvaluateAsync("window.avatar.sync.drift", ct).ConfigureAwait(false)) ?? 0;
        var syncCount = (int?)(await browser.EvaluateAsync("window.avatar.sync.count", ct).ConfigureAwait(false)) ?? 0;
        return Analyse(spoken, [.. applied], hub.Clock.NowMs - runStart, syncDrift, syncCount);
    }

    /// <summary>
    /// Per phrase: the first drawn mouth-opening viseme scheduled inside the phrase's audio − its first
    /// audible sample; per viseme: drawn frame − scheduled time for every closed→open transition.
    /// </summary>
    public static LipsyncReport Analyse(IReadOnlyList<(int Index, string Text, double AudioOnset, double AudioEnd)> spoken,
        IReadOnlyList<AppliedCue> applied, double runMs, double syncDrift, int syncCount)
    {
        var drawn = applied.Where(a => a.Kind == "viseme").OrderBy(a => a.Scheduled).ToList();
        var phrases = new List<LipsyncPhrase>();
        var visemeOffsets = new List<double>();
        foreach (var (index, text, audioOnset, audioEnd) in spoken)
        {
            var inPhrase = drawn.Where(d => d.Scheduled >= audioOnset - 150 && d.Scheduled <= audioEnd + 50).ToList();
            var previousOpen = false;
            foreach (var d in inPhrase)
            {
                var open = Opens(d.Value);
                if (open && !previousOpen)
                {
                    visemeOffsets.Add(d.Applied - d.Scheduled);
                }
                previousOpen = open;
            }
            if (inPhrase.FirstOrDefault(d => Opens(d.Value)) is { } m)
            {
                phrases.Add(new LipsyncPhrase(index, text, Math.Round(audioOnset, 2), Math.Round(m.Applied, 2), Math.Round(m.Applied - audioOnset, 2), inPhrase.Count,
                    Math.Round(m.Scheduled, 2), Math.Round(m.Scheduled - m.Received, 2), Math.Round(m.Applied - m.Previous, 2), Math.Round(m.Ran - m.Applied, 2)));
            }
        }
        if (phrases.Count == 0)
        {
            throw new InvalidOperationException("the page reported no drawn visemes: is it connected and running with ?report=1?");
        }
        var offsets = phrases.Select(p => p.OffsetMs).ToList();
        var third = Math.Max(1, phrases.Count / 3);
        var abs = visemeOffsets.Select(Math.Abs).Order().ToList();
        return new LipsyncReport(
            phrases.Count,
            Math.Round(runMs / 1000, 1),
            Math.Round(offsets.Average(), 2),
            Math.Round(Median(offsets), 2),
            Math.Round(offsets.Max(Math.Abs), 2),
            Math.Round(Slope(phrases.Select(p => (p.AudioOnsetMs, p.OffsetMs)).ToList()) * 60_000, 3),
            Math.Round(Median(offsets.Take(third)), 2),
            Math.Round(Median(offsets.TakeLast(third)), 2),
            visemeOffsets.Count,
            visemeOffsets.Count == 0 ? double.NaN : Math.Round(visemeOffsets.Average(), 2),
            abs.Count == 0 ? double.NaN : Math.Round(abs[^1], 2),
            abs.Count == 0 ? double.NaN : Math.Round(Percentile(abs, 0.95), 2),
            Math.Round(syncDrift * 1e6, 2),
            syncCount,
            phrases);
    }

    /// <summary>A viseme that visibly opens the lips (not rest, not a closure).</summary>
    private static bool Opens(string viseme) => Enum.TryParse<Viseme>(viseme, out var v) && v is not (Viseme.Rest or Viseme.MBP);

    /// <summary>Theil–Sen slope (median of pairwise slopes): one stalled frame on a busy box must not fake a drift.</summary>
    public static double Slope(IReadOnlyList<(double X, double Y)> points)
    {
        var slopes = new List<double>();
        for (var i = 0; i < points.Count; i++)
        {
            for (var j = i + 1; j < points.Count; j++)
            {
                if (points[j].X != points[i].X)
                {
                    slopes.Add((points[j].Y - points[i].Y) / (points[j].X - points[i].X));
                }
            }
        }
        return slopes.Count == 0 ? 0 : Median(slopes);
    }

    /// <summary>Nearest-rank percentile (NaN for no values).</summary>
    public static double Percentile(IEnumerable<double> values, double fraction)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? double.NaN : sorted[(int)Math.Clamp(Math.Ceiling(sorted.Count * fraction) - 1, 0, sorted.Count - 1)];
    }

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? double.NaN : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
