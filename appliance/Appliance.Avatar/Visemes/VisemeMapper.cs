namespace Appliance.Avatar.Visemes;

/// <summary>
/// espeak-ng phoneme mnemonics (English Kirshenbaum-like names such as "aI", "@L", "tS", and the
/// pinyin voice's names such as "ts.h", "ai2") → <see cref="Viseme"/>. Stress marks, length marks and
/// tone digits are ignored; an unknown symbol falls back on its first letter so a new voice still moves
/// the mouth plausibly instead of freezing it.
/// </summary>
public static class VisemeMapper
{
    private static readonly Dictionary<string, Viseme> Consonants = new(StringComparer.Ordinal)
    {
        ["p"] = Viseme.MBP, ["b"] = Viseme.MBP, ["m"] = Viseme.MBP,
        ["f"] = Viseme.FV, ["v"] = Viseme.FV,
        ["T"] = Viseme.TH, ["D"] = Viseme.TH,
        ["S"] = Viseme.CH, ["Z"] = Viseme.CH, ["tS"] = Viseme.CH, ["dZ"] = Viseme.CH,
        ["s."] = Viseme.CH, ["ts."] = Viseme.CH, ["ts.h"] = Viseme.CH, ["z."] = Viseme.CH, ["tS;"] = Viseme.CH,
        ["tS;h"] = Viseme.CH, ["S;"] = Viseme.CH,
        ["w"] = Viseme.U, ["W"] = Viseme.U,
        ["j"] = Viseme.I,
        ["r"] = Viseme.DST, ["r-"] = Viseme.DST, ["l"] = Viseme.DST, ["n"] = Viseme.DST, ["N"] = Viseme.DST,
        ["t"] = Viseme.DST, ["d"] = Viseme.DST, ["s"] = Viseme.DST, ["z"] = Viseme.DST, ["k"] = Viseme.DST,
        ["g"] = Viseme.DST, ["h"] = Viseme.DST, ["x"] = Viseme.DST, ["?"] = Viseme.DST, ["t#"] = Viseme.DST,
        ["ts"] = Viseme.DST, ["tsh"] = Viseme.DST, ["ts#"] = Viseme.DST, ["kh"] = Viseme.DST, ["th"] = Viseme.DST,
        ["ph"] = Viseme.MBP,
    };

    public static Viseme Map(string phoneme)
    {
        ArgumentNullException.ThrowIfNull(phoneme);
        var p = Normalise(phoneme);
        if (p.Length == 0 || p[0] == '_')
        {
            return Viseme.Rest;
        }
        if (Consonants.TryGetValue(p, out var consonant))
        {
            return consonant;
        }
        // Diphthongs start with the shape of their first vowel; that is what the eye catches.
        return p[0] switch
        {
            'a' or 'A' or 'V' or '@' or 'Q' => p.StartsWith("@L", StringComparison.Ordinal) ? Viseme.DST : Viseme.AA,
            'e' or 'E' or '3' or 'I' or 'y' or 'Y' => Viseme.E,
            'i' => Viseme.I,
            'o' or 'O' or '0' => Viseme.O,
            'u' or 'U' or 'w' => Viseme.U,
            'p' or 'b' or 'm' => Viseme.MBP,
            'f' or 'v' => Viseme.FV,
            'T' or 'D' => Viseme.TH,
            'S' or 'Z' or 'c' or 'C' => Viseme.CH,
            'j' => Viseme.I,
            _ when char.IsLetter(p[0]) => Viseme.DST,
            _ => Viseme.Rest,
        };
    }

    /// <summary>The phoneme without the marks that do not change the mouth ("p", "au", "tS").</summary>
    public static string Symbol(string phoneme) => Normalise(phoneme);

    /// <summary>Drops stress ('  ,), length (:), syllable and tone marks that do not change the mouth.</summary>
    private static string Normalise(string phoneme)
    {
        var chars = phoneme.Where(c => c is not ('\'' or ',' or ':' or '%' or '=' or '-' or '!') && !char.IsWhiteSpace(c));
        var s = new string(chars.ToArray());
        // Tone digits trail a pinyin syllable ("au2"); a leading digit is a vowel symbol ("3" = er).
        while (s.Length > 1 && char.IsDigit(s[^1]))
        {
            s = s[..^1];
        }
        return s.Length == 0 && phoneme.Contains('-') ? "" : s;
    }

    /// <summary>Whether the shape shows an open mouth (the onsets the lip-sync benchmark measures).</summary>
    public static bool IsOpen(Viseme v) => v is Viseme.AA or Viseme.E or Viseme.O or Viseme.I or Viseme.U;
}
