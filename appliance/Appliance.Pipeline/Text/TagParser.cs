using System.Text;

namespace Appliance.Pipeline.Text;

/// <summary>
/// Streams the reply through, taking out [emotion] and &lt;gesture:name&gt; tags. A '[' always opens a tag;
/// a '&lt;' opens one when a letter or '/' follows (so "3 &lt; 5" is still text). A tag that is unknown,
/// unclosed within 32 characters, broken by a new line or another opener, or cut off by the end of the
/// reply is rejected together with its name-like characters, so neither brackets nor tag words
/// ("gesture:wave") ever reach the speaker. Stray ']' are dropped too.
/// </summary>
public sealed class TagParser
{
    private const int MaxTagLength = 32;
    private readonly StringBuilder _pending = new(); // an open tag, starting with its opener
    private readonly StringBuilder _text = new();

    public List<ReplyPiece> Push(string text)
    {
        var output = new List<ReplyPiece>();
        foreach (var c in text)
        {
            Feed(c, output);
        }
        FlushText(output);
        return output;
    }

    public List<ReplyPiece> Flush()
    {
        var output = new List<ReplyPiece>();
        if (_pending.Length > 0)
        {
            Reject(output);
        }
        FlushText(output);
        return output;
    }

    private void Feed(char c, List<ReplyPiece> output)
    {
        if (_pending.Length == 0)
        {
            switch (c)
            {
                case '[' or '<':
                    _pending.Append(c);
                    return;
                case ']':
                    output.Add(new RejectedTag("]"));
                    return;
                default:
                    _text.Append(c);
                    return;
            }
        }
        var opener = _pending[0];
        if (opener == '<' && _pending.Length == 1 && !(char.IsLetter(c) || c == '/'))
        {
            _text.Append('<'); // not a tag: "a < b"
            _pending.Clear();
            Feed(c, output);
            return;
        }
        var closer = opener == '[' ? ']' : '>';
        if (c == closer)
        {
            _pending.Append(c);
            var raw = _pending.ToString();
            _pending.Clear();
            FlushText(output);
            output.Add(AnimationTag.Parse(raw[1..^1]) is { } tag ? new TagPiece(tag) : new RejectedTag(raw));
            return;
        }
        if (c is '\n' or '[' or '<' || _pending.Length >= MaxTagLength)
        {
            Reject(output);
            Feed(c, output);
            return;
        }
        _pending.Append(c);
    }

    /// <summary>Drops the opener and the tag-like name after it; anything after that is text again.</summary>
    private void Reject(List<ReplyPiece> output)
    {
        var raw = _pending.ToString();
        _pending.Clear();
        var end = 1;
        while (end < raw.Length && (char.IsLetterOrDigit(raw[end]) || raw[end] is ':' or '_' or '-' or '|' or '/'))
        {
            end++;
        }
        FlushText(output);
        output.Add(new RejectedTag(raw[..end]));
        foreach (var c in raw[end..])
        {
            Feed(c, output);
        }
    }

    private void FlushText(List<ReplyPiece> output)
    {
        if (_text.Length > 0)
        {
            output.Add(new TextPiece(_text.ToString()));
            _text.Clear();
        }
    }
}
