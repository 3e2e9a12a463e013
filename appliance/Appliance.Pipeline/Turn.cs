using Appliance.Pipeline.Tracing;

namespace Appliance.Pipeline;

/// <summary>A sentence whose audio was queued for playback, and where in the playback stream it lies.</summary>
public sealed record PlayedSentence(int Index, string Text, long StartFrame, long Frames);

/// <summary>
/// One user utterance and the reply to it: its trace, its cancellation (barge-in or a newer
/// utterance cancels it), and which reply sentences reached the speaker, so an interrupted reply can
/// be recorded as what was actually heard.
/// </summary>
public sealed class Turn(int id, TurnTrace trace) : IDisposable
{
    private readonly List<PlayedSentence> _played = [];

    public int Id => id;

    public TurnTrace Trace => trace;

    /// <summary>Cancelled by barge-in, a newer utterance or shutdown. Never disposed while the engine may still cancel it (it has no timer).</summary>
    public CancellationTokenSource Cancellation { get; } = new();

    /// <summary>Set when the turn's runner has returned; a finished turn is never cancelled.</summary>
    public volatile bool Finished;

    public string Language { get; set; } = "en";

    /// <summary>Playback frame at which barge-in stopped the audio (null when not interrupted).</summary>
    public long? StopFrame { get; set; }

    /// <summary>Set once the first reply audio has been queued (the turn is "speaking").</summary>
    public bool Speaking { get; set; }

    /// <summary>Frame at which the first sentence's audio ends, once known (for BargeInMode.AfterFirstSentence).</summary>
    public long? FirstSentenceEndFrame { get; set; }

    public void AddPlayed(PlayedSentence sentence)
    {
        lock (_played)
        {
            _played.Add(sentence);
        }
    }

    public IReadOnlyList<PlayedSentence> Played
    {
        get
        {
            lock (_played)
            {
                return [.. _played];
            }
        }
    }

    /// <summary>The reply as heard: every sentence that started before playback stopped.</summary>
    public string HeardText() =>
        string.Join(" ", Played.Where(s => StopFrame is not { } stop || s.StartFrame < stop).Select(s => s.Text));

    public void Dispose() => Cancellation.Dispose();
}
