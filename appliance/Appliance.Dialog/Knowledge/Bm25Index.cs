namespace Appliance.Dialog.Knowledge;

/// <summary>
/// Okapi BM25 over tokenised documents (k1 = 1.2, b = 0.75). Small and exact: the knowledge base of
/// a booth has hundreds of entries, so a term → postings dictionary is all the index it needs.
/// </summary>
public sealed class Bm25Index
{
    private const double K1 = 1.2;
    private const double B = 0.75;
    private readonly Dictionary<string, List<(int Doc, int Count)>> _postings = new(StringComparer.Ordinal);
    private readonly int[] _lengths;
    private readonly double _averageLength;

    public Bm25Index(IReadOnlyList<IReadOnlyList<string>> documents)
    {
        _lengths = new int[documents.Count];
        for (var d = 0; d < documents.Count; d++)
        {
            _lengths[d] = documents[d].Count;
            foreach (var group in documents[d].GroupBy(t => t, StringComparer.Ordinal))
            {
                if (!_postings.TryGetValue(group.Key, out var list))
                {
                    _postings[group.Key] = list = [];
                }
                list.Add((d, group.Count()));
            }
        }
        _averageLength = documents.Count == 0 ? 1 : Math.Max(1, _lengths.Average());
    }

    public int DocumentCount => _lengths.Length;

    /// <summary>Inverse document frequency (BM25+ style, never negative); unseen terms get the rarest value.</summary>
    public double Idf(string term)
    {
        var n = _postings.TryGetValue(term, out var list) ? list.Count : 0;
        return Math.Log(1 + (DocumentCount - n + 0.5) / (n + 0.5));
    }

    /// <summary>BM25 score of every document that shares a term with the query.</summary>
    public Dictionary<int, double> Score(IEnumerable<string> queryTerms)
    {
        var scores = new Dictionary<int, double>();
        foreach (var term in queryTerms.Distinct(StringComparer.Ordinal))
        {
            if (!_postings.TryGetValue(term, out var list))
            {
                continue;
            }
            var idf = Idf(term);
            foreach (var (doc, count) in list)
            {
                var norm = count * (K1 + 1) / (count + K1 * (1 - B + B * _lengths[doc] / _averageLength));
                scores[doc] = scores.GetValueOrDefault(doc) + idf * norm;
            }
        }
        return scores;
    }
}
