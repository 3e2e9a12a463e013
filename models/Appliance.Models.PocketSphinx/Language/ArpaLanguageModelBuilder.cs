using System.Globalization;
using System.Text;

namespace Appliance.Models.PocketSphinx.Language;

/// <summary>
/// Builds a trigram language model in ARPA format with interpolated Kneser-Ney smoothing (Chen &amp; Goodman
/// 1998, one discount per order, D = n1 / (n1 + 2 n2)), the method that works best on small corpora like a
/// kiosk's FAQ. Lower orders use continuation counts (in how many contexts a word appears, not how often),
/// the unigram is interpolated with a uniform distribution over the vocabulary, so every vocabulary word keeps
/// some probability. Because the model is interpolated, writing each seen n-gram's interpolated probability and
/// each context's interpolation weight as its back-off weight gives an ARPA file whose back-off arithmetic
/// reproduces the model exactly (every context's distribution sums to one).
/// </summary>
public sealed class ArpaLanguageModelBuilder
{
    public const string SentenceStart = "<s>";
    public const string SentenceEnd = "</s>";

    private readonly Dictionary<(string, string, string), int> trigrams = [];
    private readonly Dictionary<(string, string), int> bigrams = [];
    private readonly HashSet<string> vocabulary = new(StringComparer.Ordinal) { SentenceEnd };

    public int Sentences { get; private set; }

    public IReadOnlyCollection<string> Vocabulary => vocabulary;

    /// <summary>Adds one sentence (already normalised words) <paramref name="weight"/> times.</summary>
    public void AddSentence(IReadOnlyList<string> words, int weight = 1)
    {
        if (words.Count == 0 || weight <= 0)
        {
            return;
        }
        var tokens = new List<string>(words.Count + 2) { SentenceStart };
        tokens.AddRange(words);
        tokens.Add(SentenceEnd);
        vocabulary.UnionWith(words);
        for (var i = 1; i < tokens.Count; i++)
        {
            Increment(bigrams, (tokens[i - 1], tokens[i]), weight);
            if (i >= 2)
            {
                Increment(trigrams, (tokens[i - 2], tokens[i - 1], tokens[i]), weight);
            }
        }
        Sentences += weight;
    }

    /// <summary>Words that may be recognised even though the corpus never uses them (they get unigram mass only).</summary>
    public void AddVocabulary(IEnumerable<string> words) => vocabulary.UnionWith(words);

    public string Build()
    {
        if (Sentences == 0)
        {
            throw new InvalidOperationException("the corpus holds no usable sentence; a language model cannot be built");
        }
        // Continuation counts: N1+(. v w) for bigrams not starting a sentence; raw counts for <s> w (no left context).
        var bigramCounts = new Dictionary<(string, string), int>();
        foreach (var ((u, v, w), _) in trigrams)
        {
            Increment(bigramCounts, (v, w), 1);
        }
        foreach (var ((v, w), c) in bigrams.Where(b => b.Key.Item1 == SentenceStart))
        {
            bigramCounts[(v, w)] = c;
        }
        var unigramCounts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var ((_, w), _) in bigrams)
        {
            Increment(unigramCounts, w, 1);
        }

        var d3 = Discount(trigrams.Values);
        var d2 = Discount(bigramCounts.Values);
        var d1 = Discount(unigramCounts.Values);

        // Unigrams: KN continuation probability interpolated with uniform over the vocabulary (<s> is never predicted).
        var uniTotal = unigramCounts.Values.Sum();
        var uniform = 1.0 / vocabulary.Count;
        var uniGamma = d1 * unigramCounts.Count / uniTotal;
        var p1 = vocabulary.ToDictionary(w => w, w => Math.Max(unigramCounts.GetValueOrDefault(w) - d1, 0) / uniTotal + uniGamma * uniform, StringComparer.Ordinal);

        // Bigrams p2(w|v) and the back-off weight of each context v.
        var bigramContexts = Contexts(bigramCounts, k => k.Item1);
        var p2 = new Dictionary<(string, string), double>();
        foreach (var ((v, w), c) in bigramCounts)
        {
            var (total, types) = bigramContexts[v];
            p2[(v, w)] = Math.Max(c - d2, 0) / total + d2 * types / total * p1[w];
        }
        var bow1 = bigramContexts.ToDictionary(kv => kv.Key, kv => d2 * kv.Value.Types / kv.Value.Total, StringComparer.Ordinal);

        // Trigrams p3(w|u v) and the back-off weight of each context (u, v).
        var trigramContexts = Contexts(trigrams, k => (k.Item1, k.Item2));
        var p3 = new Dictionary<(string, string, string), double>();
        foreach (var ((u, v, w), c) in trigrams)
        {
            var (total, types) = trigramContexts[(u, v)];
            p3[(u, v, w)] = Math.Max(c - d3, 0) / total + d3 * types / total * p2[(v, w)];
        }
        var bow2 = trigramContexts.ToDictionary(kv => kv.Key, kv => d3 * kv.Value.Types / kv.Value.Total);

        var sb = new StringBuilder();
        sb.Append("\\data\\\n");
        sb.Append(CultureInfo.InvariantCulture, $"ngram 1={vocabulary.Count + 1}\n");
        sb.Append(CultureInfo.InvariantCulture, $"ngram 2={p2.Count}\n");
        sb.Append(CultureInfo.InvariantCulture, $"ngram 3={p3.Count}\n\n");
        sb.Append("\\1-grams:\n");
        sb.Append(CultureInfo.InvariantCulture, $"-99\t{SentenceStart}\t{Log(bow1.GetValueOrDefault(SentenceStart, 1))}\n");
        foreach (var w in vocabulary.Order(StringComparer.Ordinal))
        {
            sb.Append(CultureInfo.InvariantCulture, $"{Log(p1[w])}\t{w}");
            if (bow1.TryGetValue(w, out var b))
            {
                sb.Append(CultureInfo.InvariantCulture, $"\t{Log(b)}");
            }
            sb.Append('\n');
        }
        sb.Append("\n\\2-grams:\n");
        foreach (var ((v, w), p) in p2.OrderBy(kv => kv.Key.Item1, StringComparer.Ordinal).ThenBy(kv => kv.Key.Item2, StringComparer.Ordinal))
        {
            sb.Append(CultureInfo.InvariantCulture, $"{Log(p)}\t{v} {w}");
            if (bow2.TryGetValue((v, w), out var b))
            {
                sb.Append(CultureInfo.InvariantCulture, $"\t{Log(b)}");
            }
            sb.Append('\n');
        }
        sb.Append("\n\\3-grams:\n");
        foreach (var ((u, v, w), p) in p3.OrderBy(kv => kv.Key.Item1, StringComparer.Ordinal).ThenBy(kv => kv.Key.Item2, StringComparer.Ordinal).ThenBy(kv => kv.Key.Item3, StringComparer.Ordinal))
        {
            sb.Append(CultureInfo.InvariantCulture, $"{Log(p)}\t{u} {v} {w}\n");
        }
        sb.Append("\n\\end\\\n");
        return sb.ToString();
    }

    private static string Log(double p) => Math.Log10(p).ToString("0.######", CultureInfo.InvariantCulture);

    /// <summary>D = n1 / (n1 + 2 n2) from the count-of-counts; 0.5 when the corpus is too small to estimate it.</summary>
    private static double Discount(IEnumerable<int> counts)
    {
        var n1 = 0;
        var n2 = 0;
        foreach (var c in counts)
        {
            n1 += c == 1 ? 1 : 0;
            n2 += c == 2 ? 1 : 0;
        }
        return n1 == 0 || n2 == 0 ? 0.5 : Math.Clamp((double)n1 / (n1 + 2.0 * n2), 0.1, 0.9);
    }

    /// <summary>For each context: total count and number of distinct following words.</summary>
    private static Dictionary<TContext, (double Total, int Types)> Contexts<TKey, TContext>(Dictionary<TKey, int> counts, Func<TKey, TContext> context)
        where TKey : notnull
        where TContext : notnull
    {
        var result = new Dictionary<TContext, (double Total, int Types)>();
        foreach (var (key, c) in counts)
        {
            var h = context(key);
            var (total, types) = result.GetValueOrDefault(h);
            result[h] = (total + c, types + 1);
        }
        return result;
    }

    private static void Increment<TKey>(Dictionary<TKey, int> counts, TKey key, int by)
        where TKey : notnull =>
        counts[key] = counts.GetValueOrDefault(key) + by;
}
