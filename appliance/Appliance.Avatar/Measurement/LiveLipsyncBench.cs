using System.Text.Json.Nodes;
using Appliance.Avatar.Hub;

namespace Appliance.Avatar.Measurement;

/// <summary>
/// lipsync_offset_ms through the real service: headless Chromium on the /kiosk page of a running
/// `appliance run --replay … --replay-out DIR` process. The page (with `report`) logs the server time of
/// every frame that drew a viseme; the service records what its speaker played and when (PlayedAudio).
/// Both are on the service's avatar clock — the page through its own clock sync, exactly as on a kiosk —
/// so per sound run: first mouth-opening frame − first audible sample.
/// </summary>
public static class LiveLipsyncBench
{
    /// <summary>Sound runs that start before the page has synced this long are not counted.</summary>
    private const double SettleMs = 1000;

    /// <param name="kioskPage">The service's /kiosk URL.</param>
    /// <param name="playedDirectory">The service's --replay-out folder.</param>
    /// <param name="untilDone">Completes when the service has played everything it will (the caller watches the replay).</param>
    public static async Task<LipsyncReport> RunAsync(Uri kioskPage, string playedDirectory, Func<CancellationToken, Task> untilDone,
        Action<string>? log = null, string chromium = HeadlessChromium.DefaultBinary, int? nice = null, CancellationToken ct = default)
    {
        await using var browser = await HeadlessChromium.StartAsync(binary: chromium, nice: nice, ct: ct).ConfigureAwait(false);
        await browser.NavigateAsync(new Uri(kioskPage, "?report=1"), "window.avatar && window.avatar.sync.count >= 6", ct).ConfigureAwait(false);
        var readyMs = (double?)(await browser.EvaluateAsync("window.avatar.sync.toServer(performance.now())", ct).ConfigureAwait(false)) ?? 0;
        log?.Invoke($"page synced at service time {readyMs / 1000:F1} s");
        await untilDone(ct).ConfigureAwait(false);
        var applied = ParseApplied(await browser.EvaluateAsync("window.avatar.applied", ct).ConfigureAwait(false));
        var endMs = (double?)(await browser.EvaluateAsync("window.avatar.sync.toServer(performance.now())", ct).ConfigureAwait(false)) ?? readyMs;
        var syncDrift = (double?)(await browser.EvaluateAsync("window.avatar.sync.drift", ct).ConfigureAwait(false)) ?? 0;
        var syncCount = (int?)(await browser.EvaluateAsync("window.avatar.sync.count", ct).ConfigureAwait(false)) ?? 0;
        var played = PlayedAudio.Load(playedDirectory);
        var runs = played.SoundRuns().Where(r => r.OnsetMs >= readyMs + SettleMs).ToList();
        log?.Invoke($"played: {played}; {runs.Count} sound runs after the page synced; {applied.Count} visemes drawn");
        if (runs.Count == 0)
        {
            throw new InvalidOperationException($"the service played no sound after the page was ready ({played}); are the recordings questions it answers?");
        }
        var spoken = runs.Select((r, i) => (i, $"sound run {i}", r.OnsetMs, r.EndMs)).ToList();
        return LipsyncBench.Analyse(spoken, applied, endMs - readyMs, syncDrift, syncCount);
    }

    /// <summary>The page's in-memory log (window.avatar.applied) → cues; entries without times are skipped.</summary>
    public static IReadOnlyList<AppliedCue> ParseApplied(JsonNode? log)
    {
        var result = new List<AppliedCue>();
        foreach (var e in log as JsonArray ?? [])
        {
            if (e is not JsonObject o || Number(o["scheduled"]) is not { } scheduled || Number(o["applied"]) is not { } applied)
            {
                continue;
            }
            result.Add(new AppliedCue((string?)o["kind"] ?? "", (string?)o["value"] ?? "", scheduled, applied,
                Number(o["received"]) ?? double.NaN, Number(o["run"]) ?? double.NaN, Number(o["previous"]) ?? double.NaN));
        }
        return result;
    }

    private static double? Number(JsonNode? node) => node is JsonValue v && v.TryGetValue<double>(out var d) ? d : null;
}
