using System.Globalization;
using System.Text;

namespace Appliance.Models.PocketSphinx.Scoring;

/// <summary>
/// Spells digits out as English words ("42" → "forty two", "3rd" → "third") so a reference written with digits
/// and a recogniser that only emits words are compared on what was said.
/// </summary>
public static class NumberWords
{
    private static readonly string[] Ones =
    [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
        "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
    ];

    private static readonly string[] Tens = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];

    private static readonly (long Value, string Name)[] Scales = [(1_000_000_000, "billion"), (1_000_000, "million"), (1000, "thousand")];

    /// <summary>A non-negative integer as words, e.g. 1905 → "one thousand nine hundred five".</summary>
    public static string Cardinal(long value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        if (value == 0)
        {
            return "zero";
        }
        var parts = new List<string>();
        foreach (var (scale, name) in Scales)
        {
            if (value >= scale)
            {
                parts.Add(Cardinal(value / scale) + " " + name);
                value %= scale;
            }
        }
        if (value >= 100)
        {
            parts.Add(Ones[value / 100] + " hundred");
            value %= 100;
        }
        if (value >= 20)
        {
            parts.Add(value % 10 == 0 ? Tens[value / 10] : Tens[value / 10] + " " + Ones[value % 10]);
        }
        else if (value > 0)
        {
            parts.Add(Ones[value]);
        }
        return string.Join(' ', parts);
    }

    /// <summary>"1st" → "first", "22nd" → "twenty second".</summary>
    public static string Ordinal(long value)
    {
        var words = Cardinal(value);
        var last = words.LastIndexOf(' ') + 1;
        var head = words[..last];
        var tail = words[last..];
        var ordinal = tail switch
        {
            "one" => "first",
            "two" => "second",
            "three" => "third",
            "five" => "fifth",
            "eight" => "eighth",
            "nine" => "ninth",
            "twelve" => "twelfth",
            _ when tail.EndsWith('y') => tail[..^1] + "ieth",
            _ => tail + "th",
        };
        return head + ordinal;
    }

    /// <summary>Replaces every digit run (with an optional ordinal suffix) in <paramref name="text"/> by words.</summary>
    public static string Expand(string text)
    {
        var sb = new StringBuilder(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsAsciiDigit(text[i]))
            {
                sb.Append(text[i++]);
                continue;
            }
            var start = i;
            while (i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] == ',' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1])))
            {
                i++;
            }
            var digits = text[start..i].Replace(",", string.Empty, StringComparison.Ordinal);
            if (digits.Length > 15 || !long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                // Too long to be a spoken number (a serial, a phone number): read it digit by digit.
                sb.Append(' ').AppendJoin(' ', digits.Select(c => Ones[c - '0'])).Append(' ');
                continue;
            }
            var suffix = i + 1 < text.Length ? text.Substring(i, 2).ToLowerInvariant() : string.Empty;
            if (suffix is "st" or "nd" or "rd" or "th" && (i + 2 == text.Length || !char.IsLetter(text[i + 2])))
            {
                sb.Append(' ').Append(Ordinal(value)).Append(' ');
                i += 2;
            }
            else
            {
                sb.Append(' ').Append(Cardinal(value)).Append(' ');
            }
        }
        return sb.ToString();
    }
}
