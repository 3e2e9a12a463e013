using Appliance.Core.Audio;
using Appliance.Core.Timing;
using Appliance.Pipeline.Events;
using Appliance.Pipeline.Tracing;

namespace Appliance.Pipeline.Replay;

/// <summary>
/// Speaks recordings to the real pipeline as a visitor would: a scripted microphone paced like a live
/// device, silence between utterances (or scripted interruptions), and a clocked speaker that keeps
/// what was played and when. Measures voice_to_voice_ms and barge_in_ms from the recordings' own
/// voicing, as MEASURE.md defines them.
/// </summary>
public sealed class ReplayRunner(TimeProvider clock, IFramePacer pacer)
{
    public async Task<ReplaySession> RunAsync(IReadOnlyList<PlayStep> recordings, int playbackRate,
        Func<IAudioPlayback, PipelineComponents> build, PipelineOptions options, ReplayOptions replay, CancellationToken ct)
    {
        var hub = new PipelineEventHub();
        var events = new List<PipelineEvent>();
        var thinking = 0;
        var finished = 0;
        var speaking = 0;
        hub.Published += e =>
        {
            lock (events)
            {
                events.Add(e);
            }
            switch (e)
            {
                case StateChanged { To: ConversationState.Thinking }:
                    Interlocked.Increment(ref thinking);
                    break;
                case StateChanged { To: ConversationState.Speaking }:
                    Interlocked.Increment(ref speaking);
                    break;
                case TurnFinished:
                    Interlocked.Increment(ref finished);
                    break;
            }
        };
        var playback = new ClockedPlayback(clock, playbackRate);
        var components = build(playback);
        var engine = new ConversationEngine(components, options, hub, clock);

        IEnumerable<CaptureStep> Script()
        {
            yield return new SilenceStep(replay.EffectiveLeadIn);
            for (var i = 0; i < recordings.Count; i++)
            {
                var thinkingBefore = Volatile.Read(ref thinking);
                var speakingBefore = Volatile.Read(ref speaking);
                yield return recordings[i];
                if (replay.InterruptPairs && i % 2 == 0 && i + 1 < recordings.Count)
                {
                    yield return new WaitStep(() => Volatile.Read(ref speaking) > speakingBefore, replay.EffectiveTurnTimeout);
                    yield return new SilenceStep(replay.EffectiveInterruptAfter);
                    continue;
                }
                yield return new WaitStep(() =>
                    Volatile.Read(ref thinking) > thinkingBefore && Volatile.Read(ref finished) >= Volatile.Read(ref thinking)
                    && engine.State is ConversationState.Listening or ConversationState.Idle, replay.EffectiveTurnTimeout);
                yield return new SilenceStep(replay.EffectiveGap);
            }
        }

        var capture = new ScriptedCapture(Script(), clock, pacer);
        await engine.RunAsync(capture, ct).ConfigureAwait(false);
        List<PipelineEvent> snapshot;
        lock (events)
        {
            snapshot = [.. events];
        }
        var report = Analyse(capture, playback, snapshot, replay);
        return new ReplaySession(report, snapshot, capture, playback, clock.GetTimestamp());
    }

    private ReplayReport Analyse(ScriptedCapture capture, ClockedPlayback playback, List<PipelineEvent> events, ReplayOptions replay)
    {
        var utterances = capture.Utterances;
        var endpoints = events.OfType<StateChanged>().Where(s => s.To == ConversationState.Thinking).ToDictionary(s => s.Turn, s => s.Timestamp);
        var summaries = events.OfType<TurnFinished>().Select(f => f.Summary).ToList();
        var turns = new List<ReplayTurnReport>();
        var missed = 0;
        for (var i = 0; i < utterances.Count; i++)
        {
            var u = utterances[i];
            var from = capture.TimeOf(u.StartFrame);
            var until = i + 1 < utterances.Count ? capture.TimeOf(utterances[i + 1].StartFrame) : long.MaxValue;
            var mine = summaries.Where(s => endpoints.TryGetValue(s.Turn, out var t) && t >= from && t < until).ToList();
            var sound = playback.FirstSoundBetween(u.VoicedEndTime, until);
            double? v2v = sound is { } s0 && mine.Count > 0 ? Math.Round(clock.ElapsedMs(u.VoicedEndTime, s0), 1) : null;
            double? bargeIn = null;
            if (replay.InterruptPairs && i % 2 == 1)
            {
                var last = playback.LastSoundOfRunAt(u.VoicedStartTime);
                bargeIn = last is { } l ? Math.Round(Math.Max(0, clock.ElapsedMs(u.VoicedStartTime, l)), 1) : 0;
            }
            if (mine.Count == 0)
            {
                missed++;
            }
            var main = mine.LastOrDefault(s => s.Outcome != TurnOutcome.Empty) ?? mine.LastOrDefault();
            turns.Add(new ReplayTurnReport(
                u.Name,
                string.Join(" | ", mine.Select(s => s.UserText).Where(t => t.Length > 0)),
                string.Join(" | ", mine.Select(s => s.SpokenText).Where(t => t.Length > 0)),
                main?.Source ?? "",
                main?.Outcome.ToString().ToLowerInvariant() ?? "missed",
                v2v,
                bargeIn,
                main?.StageMs ?? new Dictionary<string, double>()));
        }
        var stages = turns.SelectMany(t => t.StageMs).GroupBy(kv => kv.Key)
            .ToDictionary(g => g.Key, g => LatencyStats.Of(g.Select(kv => kv.Value)));
        return new ReplayReport(
            turns,
            LatencyStats.Of(turns.Where(t => t.BargeInMs is null).Select(t => t.VoiceToVoiceMs).OfType<double>()),
            LatencyStats.Of(turns.Select(t => t.BargeInMs).OfType<double>()),
            stages,
            missed);
    }
}
