using Appliance.Avatar.Hub;
using Appliance.Avatar.Timeline;
using Appliance.Avatar.Visemes;
using Appliance.Pipeline;
using Appliance.Pipeline.Events;

namespace Appliance.Avatar.Pipeline;

/// <summary>
/// Turns the conversation pipeline's events into avatar commands: phoneme/emotion/gesture/subtitle cues
/// at playback frames become server-time cues (via the playback position), state changes select poses,
/// DOA moves the gaze, barge-in stops the mouth.
/// </summary>
public sealed class AvatarPipelineBridge(IPipelineEventStream events, AvatarHub hub, PlaybackClock playback)
{
    public async Task RunAsync(CancellationToken ct)
    {
        using var subscription = events.Subscribe();
        var lastViseme = (Viseme?)null;
        (string Phoneme, double At)? previous = null; // the phoneme before, for the lips' release after a stop
        try
        {
            await foreach (var e in subscription.Reader.ReadAllAsync(ct).ConfigureAwait(false))
            {
                switch (e)
                {
                    case PhonemeCue p:
                        var v = VisemeMapper.Map(p.Phoneme);
                        var at = playback.TimeOfFrame(p.Frame);
                        if (v != lastViseme)
                        {
                            lastViseme = v;
                            var t = previous is { } prev && v is not (Viseme.Rest or Viseme.MBP) ? BilabialRelease.OpeningTime(prev.Phoneme, prev.At, at) : at;
                            await hub.PlayAsync([new AvatarCue(t, "viseme", v.ToString())]).ConfigureAwait(false);
                        }
                        previous = (p.Phoneme, at);
                        break;
                    case EmotionCue em:
                        await hub.PlayAsync([new AvatarCue(playback.TimeOfFrame(em.Frame), "expression", em.Emotion.ToString().ToLowerInvariant())]).ConfigureAwait(false);
                        break;
                    case GestureCue g:
                        await hub.PlayAsync([new AvatarCue(playback.TimeOfFrame(g.Frame), "gesture", g.Gesture)]).ConfigureAwait(false);
                        break;
                    case Subtitle s:
                        var start = playback.TimeOfFrame(s.StartFrame);
                        double? end = s.Frames > 0 ? start + s.Frames * 1000.0 / playback.SampleRate : null;
                        await hub.PlayAsync([new AvatarCue(start, "subtitle", s.Text, end)]).ConfigureAwait(false);
                        break;
                    case StateChanged sc:
                        if (sc.To != ConversationState.Speaking)
                        {
                            lastViseme = null;
                            previous = null;
                            await hub.PlayAsync([new AvatarCue(hub.Clock.NowMs, "viseme", nameof(Viseme.Rest))]).ConfigureAwait(false);
                        }
                        await hub.SetStateAsync(sc.To.ToString().ToLowerInvariant()).ConfigureAwait(false);
                        break;
                    case DirectionOfArrival doa:
                        await hub.SetGazeAsync(doa.Degrees).ConfigureAwait(false);
                        break;
                    case BargeIn b:
                        lastViseme = null;
                        previous = null;
                        await hub.StopAsync(playback.TimeOfFrame(b.StopFrame)).ConfigureAwait(false);
                        break;
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // service stopping
        }
    }
}
