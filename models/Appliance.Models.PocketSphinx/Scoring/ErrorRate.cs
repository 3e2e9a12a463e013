namespace Appliance.Models.PocketSphinx.Scoring;

/// <summary>
/// Edit-distance scoring of recogniser output against references (Levenshtein over tokens, unit costs),
/// accumulated over a corpus: WER = (S + D + I) / N over all utterances, not a mean of per-utterance rates.
/// Engine-independent so the pipeline and other recognisers' benchmarks can reuse it.
/// </summary>
public sealed class ErrorRate
{
    public int Substitutions { get; private set; }
    public int Deletions { get; private set; }
    public int Insertions { get; private set; }
    public int ReferenceTokens { get; private set; }
    public int Utterances { get; private set; }

    public int Errors => Substitutions + Deletions + Insertions;

    /// <summary>Errors per reference token; 0 for an empty corpus.</summary>
    public double Rate => ReferenceTokens == 0 ? 0 : (double)Errors / ReferenceTokens;

    /// <summary>Scores one utterance in English words (normalised with <see cref="TextNormalizer.Words"/>).</summary>
    public Alignment AddWords(string reference, string hypothesis) =>
        Add(TextNormalizer.Words(reference), TextNormalizer.Words(hypothesis));

    /// <summary>Scores one utterance per character (for Chinese CER).</summary>
    public Alignment AddCharacters(string reference, string hypothesis) =>
        Add(TextNormalizer.Characters(reference), TextNormalizer.Characters(hypothesis));

    public Alignment Add(IReadOnlyList<string> reference, IReadOnlyList<string> hypothesis)
    {
        var a = Align(reference, hypothesis);
        Substitutions += a.Substitutions;
        Deletions += a.Deletions;
        Insertions += a.Insertions;
        ReferenceTokens += reference.Count;
        Utterances++;
        return a;
    }

    /// <summary>Minimum-edit alignment counts (ties prefer substitutions, as sclite does).</summary>
    public static Alignment Align(IReadOnlyList<string> reference, IReadOnlyList<string> hypothesis)
    {
        var n = reference.Count;
        var m = hypothesis.Count;
        // cost[i, j] with the S/D/I split of one optimal path, two rows at a time.
        var prev = new Cell[m + 1];
        var cur = new Cell[m + 1];
        for (var j = 0; j <= m; j++)
        {
            prev[j] = new Cell(j, 0, 0, j);
        }
        for (var i = 1; i <= n; i++)
        {
            cur[0] = new Cell(i, 0, i, 0);
            for (var j = 1; j <= m; j++)
            {
                var same = string.Equals(reference[i - 1], hypothesis[j - 1], StringComparison.Ordinal);
                var diag = prev[j - 1];
                var best = same ? diag : diag with { Cost = diag.Cost + 1, S = diag.S + 1 };
                var up = prev[j];
                if (up.Cost + 1 < best.Cost)
                {
                    best = up with { Cost = up.Cost + 1, D = up.D + 1 };
                }
                var left = cur[j - 1];
                if (left.Cost + 1 < best.Cost)
                {
                    best = left with { Cost = left.Cost + 1, I = left.I + 1 };
                }
                cur[j] = best;
            }
            (prev, cur) = (cur, prev);
        }
        var end = prev[m];
        return new Alignment(end.S, end.D, end.I, n);
    }

    private readonly record struct Cell(int Cost, int S, int D, int I);
}

/// <param name="ReferenceTokens">Tokens in the reference (the denominator).</param>
public sealed record Alignment(int Substitutions, int Deletions, int Insertions, int ReferenceTokens)
{
    public int Errors => Substitutions + Deletions + Insertions;

    public double Rate => ReferenceTokens == 0 ? (Errors == 0 ? 0 : 1) : (double)Errors / ReferenceTokens;
}
