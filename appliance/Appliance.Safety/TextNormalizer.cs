using System.Text;

namespace Appliance.Safety;

/// <summary>
/// Folds the tricks people (and ASR quirks) use to slip words past a list into one canonical form:
/// full-width → half-width, case, zero-width characters, leetspeak inside words, letters spaced out
/// ("k i l l", "k.i.l.l"), and separators between Chinese characters ("炸 弹", "炸*弹").
/// The result is for matching only; it is never shown or sent to a model.
/// </summary>
public static class TextNormalizer
{
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var folded = FoldCharacters(text);
        var joined = JoinSpacedLetters(folded);
        return JoinCjk(joined);
    }

    /// <summary>True for the CJK ideographs, kana and hangul that carry meaning per character.</summary>
    public static bool IsCjk(char c) =>
        c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF' or >= '\uF900' and <= '\uFAFF'
            or >= '\u3040' and <= '\u30FF' or >= '\uAC00' and <= '\uD7AF';

    private static string FoldCharacters(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var raw in text)
        {
            var c = raw switch
            {
                >= '\uFF01' and <= '\uFF5E' => (char)(raw - 0xFEE0), // full-width ASCII block
                '\u3000' => ' ',
                _ => raw,
            };
            if (c is '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF' or '\u00AD')
            {
                continue;
            }
            sb.Append(char.IsWhiteSpace(c) ? ' ' : char.ToLowerInvariant(c));
        }
        MapLeet(sb);
        return sb.ToString();
    }

    // Digits and symbols count as letters only inside a word that already has a letter ("k1ll", "b0mb"),
    // so ordinary numbers ("5 ways", "2024") stay numbers.
    private static void MapLeet(StringBuilder sb)
    {
        var i = 0;
        while (i < sb.Length)
        {
            if (!IsWordish(sb[i]))
            {
                i++;
                continue;
            }
            var start = i;
            var hasLetter = false;
            while (i < sb.Length && IsWordish(sb[i]))
            {
                hasLetter |= char.IsLetter(sb[i]) && !IsCjk(sb[i]);
                i++;
            }
            if (!hasLetter)
            {
                continue;
            }
            for (var k = start; k < i; k++)
            {
                sb[k] = sb[k] switch
                {
                    '0' => 'o',
                    '1' or '!' => 'i',
                    '3' => 'e',
                    '4' or '@' => 'a',
                    '5' or '$' => 's',
                    '7' => 't',
                    var same => same,
                };
            }
        }
    }

    private static bool IsWordish(char c) => char.IsLetterOrDigit(c) && !IsCjk(c) || c is '@' or '$';

    /// <summary>Runs of three or more single letters split by up to two separators become one word.</summary>
    private static string JoinSpacedLetters(string text)
    {
        var sb = new StringBuilder(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            if (IsSingleLetterAt(text, i))
            {
                var letters = new StringBuilder().Append(text[i]);
                var j = i + 1;
                string? separator = null; // one run uses one separator: "a f.u.c.k" is "a" + "fuck"
                while (true)
                {
                    var k = j;
                    while (k < text.Length && k - j < 2 && IsSeparator(text[k]))
                    {
                        k++;
                    }
                    var sep = text[j..k];
                    if (k > j && IsSingleLetterAt(text, k) && (separator is null || separator == sep))
                    {
                        separator = sep;
                        letters.Append(text[k]);
                        j = k + 1;
                        continue;
                    }
                    break;
                }
                if (letters.Length >= 3)
                {
                    sb.Append(letters);
                    i = j;
                    continue;
                }
            }
            sb.Append(text[i]);
            i++;
        }
        return sb.ToString();
    }

    private static bool IsSingleLetterAt(string text, int i) =>
        i < text.Length && char.IsLetter(text[i]) && !IsCjk(text[i])
            && (i == 0 || !char.IsLetterOrDigit(text[i - 1]))
            && (i + 1 >= text.Length || !char.IsLetterOrDigit(text[i + 1]));

    private static bool IsSeparator(char c) => !char.IsLetterOrDigit(c);

    /// <summary>Drops spaces and symbols that sit between two CJK characters.</summary>
    private static string JoinCjk(string text)
    {
        var sb = new StringBuilder(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (IsCjk(c))
            {
                sb.Append(c);
                var j = i + 1;
                while (j < text.Length && IsSeparator(text[j]) && !IsCjk(text[j]) && j - i <= 3)
                {
                    j++;
                }
                if (j > i + 1 && j < text.Length && IsCjk(text[j]))
                {
                    i = j;
                    continue;
                }
                i++;
                continue;
            }
            if (c == ' ' && sb.Length > 0 && sb[^1] == ' ')
            {
                i++;
                continue;
            }
            sb.Append(c);
            i++;
        }
        return sb.ToString().Trim();
    }
}
