namespace Appliance.Dialog.Knowledge;

/// <summary>
/// Searchable product facts and FAQs. Ranking is BM25 over questions (counted twice: they say what
/// an entry is about) plus the answer; the confidence used for "I don't know" is the IDF-weighted
/// share of the query's content terms found in the entry, which, unlike a raw BM25 score, means the
/// same thing for a short and a long question.
/// </summary>
public sealed class KnowledgeBase
{
    private readonly IReadOnlyList<KnowledgeEntry> _entries;
    private readonly List<HashSet<string>> _termSets;
    private readonly Bm25Index _index;

    public KnowledgeBase(IReadOnlyList<KnowledgeEntry> entries)
    {
        _entries = entries;
        var docs = entries.Select(Terms).ToList();
        _termSets = docs.Select(d => d.ToHashSet(StringComparer.Ordinal)).ToList();
        _index = new Bm25Index(docs);
    }

    public IReadOnlyList<KnowledgeEntry> Entries => _entries;

    public static KnowledgeBase LoadDefault() => new(KnowledgeLoader.LoadDirectory(KnowledgeLoader.DefaultDirectory));

    public static KnowledgeBase Load(string directory) => new(KnowledgeLoader.LoadDirectory(directory));

    /// <summary>The best entries for <paramref name="query"/>, best first; entries in <paramref name="language"/> win ties.</summary>
    public IReadOnlyList<KnowledgeHit> Search(string query, string? language = null, int top = 3)
    {
        var terms = SearchTokenizer.Tokenize(query);
        var content = terms.Where(t => !SearchTokenizer.IsStopTerm(t)).Distinct(StringComparer.Ordinal).ToList();
        if (content.Count == 0)
        {
            content = terms.Distinct(StringComparer.Ordinal).ToList();
        }
        var totalIdf = content.Sum(_index.Idf);
        return _index.Score(content)
            .Select(kv => new KnowledgeHit(_entries[kv.Key], kv.Value, Confidence(kv.Key, content, totalIdf)))
            .OrderByDescending(h => h.Score * (language is null || h.Entry.Language == language ? 1.0 : 0.8))
            .ThenBy(h => h.Entry.Id, StringComparer.Ordinal)
            .Take(top)
            .ToList();
    }

    /// <summary>The entry with the same id in <paramref name="language"/>, or the entry itself.</summary>
    public KnowledgeEntry Translate(KnowledgeEntry entry, string language) =>
        entry.Language == language ? entry
            : _entries.FirstOrDefault(e => e.Id == entry.Id && e.Language == language) ?? entry;

    private double Confidence(int doc, List<string> content, double totalIdf) =>
        totalIdf <= 0 ? 0 : content.Where(_termSets[doc].Contains).Sum(_index.Idf) / totalIdf;

    private static List<string> Terms(KnowledgeEntry e)
    {
        var questions = SearchTokenizer.Tokenize(string.Join(" ", e.Questions));
        return [.. questions, .. questions, .. SearchTokenizer.Tokenize(e.Answer)];
    }
}
