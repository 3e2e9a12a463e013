using System.Text;

namespace Appliance.Models.PocketSphinx.Scoring;

/// <summary>
/// The normalisation both sides of a WER/CER comparison go through (MEASURE.md): lower case, numbers spelled
/// out, punctuation removed (apostrophes inside words kept: "don't"), whitespace collapsed. Chinese is
/// compared per character with punctuation and spaces removed.
/// </summary>
public static class TextNormalizer
{
    /// <summary>English words of <paramref name="text"/> after normalisation.</summary>
    public static IReadOnlyList<string> Words(string text)
    {
        var expanded = NumberWords.Expand(text.Replace('’', '\'').Replace('-', ' ')).ToLowerInvariant();
        var sb = new StringBuilder(expanded.Length);
        for (var i = 0; i < expanded.Length; i++)
        {
            var c = expanded[i];
            if (char.IsLetterOrDigit(c))
            {
                sb.Append(c);
            }
            else if (c == '\'' && i > 0 && i + 1 < expanded.Length && char.IsLetter(expanded[i - 1]) && char.IsLetter(expanded[i + 1]))
            {
                sb.Append(c);
            }
            else
            {
                sb.Append(' ');
            }
        }
        return sb.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>Normalised text as one string (words joined by single spaces).</summary>
    public static string Normalize(string text) => string.Join(' ', Words(text));

    /// <summary>Characters for CER: letters and digits only (per text element, so CJK counts per character).</summary>
    public static IReadOnlyList<string> Characters(string text)
    {
        var result = new List<string>();
        var e = System.Globalization.StringInfo.GetTextElementEnumerator(text.ToLowerInvariant());
        while (e.MoveNext())
        {
            var element = e.GetTextElement();
            if (char.IsLetterOrDigit(element, 0))
            {
                result.Add(element);
            }
        }
        return result;
    }
}
