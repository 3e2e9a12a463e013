using System.Threading.Channels;
using Appliance.Core.Speech;
using Appliance.Pipeline.Text;
using Appliance.Pipeline.Tracing;

namespace Appliance.Pipeline.Stages;

/// <summary>
/// Reply text → sentences: runs the streamed pieces through the tag parser and the sentence splitter,
/// attaches each tag to the sentence it sits in, and carries the current emotion forward.
/// </summary>
internal sealed class ReplyStage(Turn turn, SplitterOptions? splitterOptions, Action<string>? log)
{
    private readonly TagParser _tags = new();
    private readonly SentenceSplitter _splitter = new(splitterOptions);
    private readonly List<(AnimationTag Tag, long Offset)> _pendingTags = [];
    private long _textLength;
    private int _index;
    private Emotion _emotion = Emotion.Neutral;

    public async Task RunAsync(IAsyncEnumerable<string> pieces, ChannelWriter<SpokenSentence> output, CancellationToken ct)
    {
        await foreach (var piece in pieces.WithCancellation(ct).ConfigureAwait(false))
        {
            turn.Trace.Mark(TraceStage.FirstToken);
            await EmitAsync(Parse(_tags.Push(piece)), output, ct).ConfigureAwait(false);
        }
        var rest = Parse(_tags.Flush());
        rest.AddRange(_splitter.Flush());
        await EmitAsync(rest, output, ct, final: true).ConfigureAwait(false);
    }

    private List<SplitSentence> Parse(List<ReplyPiece> parsed)
    {
        var sentences = new List<SplitSentence>();
        foreach (var piece in parsed)
        {
            switch (piece)
            {
                case TextPiece text:
                    _textLength += text.Text.Length;
                    sentences.AddRange(_splitter.Push(text.Text));
                    break;
                case TagPiece tag:
                    _pendingTags.Add((tag.Tag, _textLength));
                    break;
                case RejectedTag rejected:
                    log?.Invoke($"turn {turn.Id}: dropped tag '{rejected.Raw}'");
                    break;
            }
        }
        return sentences;
    }

    private async Task EmitAsync(List<SplitSentence> sentences, ChannelWriter<SpokenSentence> output, CancellationToken ct, bool final = false)
    {
        foreach (var s in sentences)
        {
            // Tags written before the sentence's end belong to it.
            var mine = _pendingTags.Where(t => t.Offset < s.End).ToList();
            _pendingTags.RemoveAll(mine.Contains);
            var length = Math.Max(1, s.End - s.Start);
            var tags = mine.Select(t => new TimedTag(t.Tag, Math.Clamp((t.Offset - s.Start) / (double)length, 0, 1))).ToList();
            // An emotion in the first half colours this sentence's prosody; a later one the next sentence.
            foreach (var t in mine.Where(t => t.Tag.Emotion is not null && t.Offset <= s.Start + length / 2))
            {
                _emotion = t.Tag.Emotion!.Value;
            }
            turn.Trace.Mark(TraceStage.FirstSentence);
            await output.WriteAsync(new SpokenSentence(_index++, s.Text, turn.Language, _emotion, tags), ct).ConfigureAwait(false);
            foreach (var t in mine.Where(t => t.Tag.Emotion is not null && t.Offset > s.Start + length / 2))
            {
                _emotion = t.Tag.Emotion!.Value;
            }
        }
        if (final && _pendingTags.Count > 0)
        {
            // Tags after the last words ("… exhibitions. <gesture:wave>") play when the speech ends: an empty sentence carries them.
            var tags = _pendingTags.Select(t => new TimedTag(t.Tag, 0)).ToList();
            _pendingTags.Clear();
            await output.WriteAsync(new SpokenSentence(_index++, "", turn.Language, _emotion, tags), ct).ConfigureAwait(false);
        }
    }
}
