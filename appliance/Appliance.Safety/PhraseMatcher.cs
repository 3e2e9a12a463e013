namespace Appliance.Safety;

/// <summary>A phrase found in a text (positions refer to the normalised text).</summary>
public sealed record PhraseHit(Phrase Phrase, int Start, int Length);

/// <summary>
/// Finds listed phrases in normalised text. Latin phrases must stand as whole words ("kill" is not
/// found in "skill") unless listed as a prefix; CJK phrases match anywhere, as Chinese has no spaces.
/// </summary>
public sealed class PhraseMatcher
{
    private readonly IReadOnlyList<Phrase> _phrases;
    private readonly AhoCorasick _automaton;

    public PhraseMatcher(IEnumerable<Phrase> phrases)
    {
        _phrases = phrases.ToList();
        _automaton = new AhoCorasick(_phrases.Select(p => p.Text));
    }

    public int Count => _phrases.Count;

    /// <param name="normalized">Text already passed through <see cref="TextNormalizer.Normalize"/>.</param>
    public PhraseHit? FindFirst(string normalized)
    {
        foreach (var m in _automaton.FindAll(normalized))
        {
            var phrase = _phrases[m.Pattern];
            if (StandsAlone(normalized, m, phrase))
            {
                return new PhraseHit(phrase, m.Start, m.Length);
            }
        }
        return null;
    }

    private static bool StandsAlone(string text, PatternMatch m, Phrase phrase)
    {
        var first = phrase.Text[0];
        var last = phrase.Text[^1];
        var startOk = TextNormalizer.IsCjk(first) || m.Start == 0 || !char.IsLetterOrDigit(text[m.Start - 1]);
        var end = m.Start + m.Length;
        var endOk = phrase.Prefix || TextNormalizer.IsCjk(last) || end >= text.Length || !char.IsLetterOrDigit(text[end]);
        return startOk && endOk;
    }
}
