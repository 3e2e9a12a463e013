using System.Text;

namespace Appliance.Pipeline.Text;

/// <summary>
/// Cuts streamed reply text into sentences for TTS as soon as each one is complete. Chinese
/// terminators (。！？；…) cut at once; English ones (. ! ? ;) only when followed by white space, never
/// inside numbers (3.14, 1,000) or after abbreviations (Mr., e.g., a.m.) or initials. When a decision
/// needs a character that has not arrived yet, the splitter waits for it, so the result never depends
/// on how the stream was chunked.
/// </summary>
public sealed class SentenceSplitter(SplitterOptions? options = null)
{
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "mr", "mrs", "ms", "dr", "prof", "st", "sr", "jr", "vs", "etc", "e.g", "i.e", "no", "inc", "ltd", "co",
        "a.m", "p.m", "approx", "dept", "fig", "mt", "u.s", "u.k", "ca",
    };

    private readonly SplitterOptions _options = options ?? new SplitterOptions();
    private readonly StringBuilder _buffer = new();
    private long _bufferOffset;   // absolute offset of _buffer[0] in the reply text
    private int _position;        // next index of _buffer to examine
    private bool _emittedAny;

    public List<SplitSentence> Push(string text)
    {
        _buffer.Append(text);
        var result = new List<SplitSentence>();
        Scan(final: false, result);
        return result;
    }

    /// <summary>End of the reply: whatever is left is the last sentence.</summary>
    public List<SplitSentence> Flush()
    {
        var result = new List<SplitSentence>();
        Scan(final: true, result);
        Cut(_buffer.Length, result);
        return result;
    }

    private void Scan(bool final, List<SplitSentence> result)
    {
        while (_position < _buffer.Length)
        {
            var decision = Decide(_position, final);
            if (decision == Wait)
            {
                return;
            }
            if (decision > 0)
            {
                Cut(decision, result);
            }
            else
            {
                _position++;
            }
        }
    }

    private const int Wait = -1;
    private const int NoCut = 0;

    /// <summary>Wait, NoCut, or the buffer index just past the sentence that ends at <paramref name="i"/>.</summary>
    private int Decide(int i, bool final)
    {
        var c = _buffer[i];
        if (c is '。' or '！' or '？' or '；' or '…' or '\n')
        {
            return ExtendPastClosers(i + 1, final);
        }
        if (c is '.' or '!' or '?' or ';')
        {
            if (i + 1 >= _buffer.Length)
            {
                return final ? i + 1 : Wait;
            }
            if (c == '.' && (IsDigitAt(i - 1) && char.IsDigit(_buffer[i + 1]) || IsAbbreviationBefore(i)))
            {
                return NoCut;
            }
            var end = ExtendPastClosers(i + 1, final);
            if (end == Wait)
            {
                return Wait;
            }
            if (end >= _buffer.Length)
            {
                return final ? end : Wait;
            }
            return char.IsWhiteSpace(_buffer[end]) ? end : NoCut;
        }
        if (c is ',' or '，' or '、' or ':' or '：' && _options.EarlyFirstClause && !_emittedAny)
        {
            if (Weight(i) < _options.FirstClauseMinWeight)
            {
                return NoCut;
            }
            if (c is ',' or ':')
            {
                if (i + 1 >= _buffer.Length)
                {
                    return final ? i + 1 : Wait;
                }
                return char.IsWhiteSpace(_buffer[i + 1]) ? i + 1 : NoCut;
            }
            return i + 1;
        }
        if (c is ' ' or '，' && Weight(i) > _options.MaxWeight)
        {
            return i + 1;
        }
        return NoCut;
    }

    private int ExtendPastClosers(int j, bool final)
    {
        while (j < _buffer.Length && _buffer[j] is '”' or '’' or '"' or '\'' or ')' or '）' or '」' or '』' or '。' or '！' or '？' or '!' or '?' or '…' or '.')
        {
            j++;
        }
        return j >= _buffer.Length && !final ? Wait : j;
    }

    private bool IsDigitAt(int i) => i >= 0 && i < _buffer.Length && char.IsDigit(_buffer[i]);

    private bool IsAbbreviationBefore(int dot)
    {
        var start = dot;
        while (start > 0 && (char.IsLetter(_buffer[start - 1]) || _buffer[start - 1] == '.'))
        {
            start--;
        }
        if (start == dot)
        {
            return false;
        }
        var word = _buffer.ToString(start, dot - start);
        // A single capital is an initial ("J. R. R. Tolkien"), not the end of a sentence.
        return Abbreviations.Contains(word) || word.Length == 1 && char.IsUpper(word[0]);
    }

    private int Weight(int upTo)
    {
        var weight = 0;
        for (var k = 0; k < upTo; k++)
        {
            weight += _buffer[k] >= '\u2E80' ? 2 : 1;
        }
        return weight;
    }

    private void Cut(int end, List<SplitSentence> result)
    {
        var raw = _buffer.ToString(0, end);
        var lead = raw.Length - raw.TrimStart().Length;
        var text = raw.Trim();
        if (text.Any(char.IsLetterOrDigit))
        {
            result.Add(new SplitSentence(text, _bufferOffset + lead, _bufferOffset + lead + text.Length));
            _emittedAny = true;
        }
        _buffer.Remove(0, end);
        _bufferOffset += end;
        _position = 0;
    }
}
