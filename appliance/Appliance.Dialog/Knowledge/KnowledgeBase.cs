namespace Appliance.Dialog.Knowledge;

/// <summary>
/// Searchable product facts and FAQs. Ranking is BM25 over questions (counted twice: they say what
/// an entry is about) plus the answer; the confidence used for "I don't know" is the IDF-weighted
/// share of the query's content terms found in the entry, which, unlike a raw BM25 score, means the
/// same thing for a short and a long question.
/// </summary>
public sealed class KnowledgeBase
{
    private volatile Snapshot _current;

    public KnowledgeBase(IReadOnlyList<KnowledgeEntry> entries) => _current = new Snapshot(entries);

    public IReadOnlyList<KnowledgeEntry> Entries => _current.Entries;

    /// <summary>
    /// Re-index: builds the new BM25 index on the caller's thread, then swaps it in with one reference
    /// write. Everyone holding this KnowledgeBase (dialog, responder) answers the next question from it;
    /// a search already running finishes on the index it started with, so no turn is dropped.
    /// </summary>
    public void Replace(IReadOnlyList<KnowledgeEntry> entries) => _current = new Snapshot(entries);

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
        var snapshot = _current;
        var totalIdf = content.Sum(snapshot.Index.Idf);
        return snapshot.Index.Score(content)
            .Select(kv => new KnowledgeHit(snapshot.Entries[kv.Key], kv.Value, snapshot.Confidence(kv.Key, content, totalIdf)))
            .OrderByDescending(h => h.Score * (language is null || h.Entry.Language == language ? 1.0 : 0.8))
            .ThenBy(h => h.Entry.Id, StringComparer.Ordinal)
            .Take(top)
            .ToList();
    }

    /// <summary>The entry with the same id in <paramref name="language"/>, or the entry itself.</summary>
    public KnowledgeEntry Translate(KnowledgeEntry entry, string language) =>
        entry.Language == language ? entry
            : _current.Entries.FirstOrDefault(e => e.Id == entry.Id && e.Language == language) ?? entry;

    /// <summary>Entries and the index built from them: replaced together, never mutated.</summary>
    private sealed class Snapshot
    {
        private readonly List<HashSet<string>> _termSets;

        public Snapshot(IReadOnlyList<KnowledgeEntry> entries)
        {
            Entries = entries;
            var docs = entries.Select(Terms).ToList();
            _termSets = docs.Select(d => d.ToHashSet(StringComparer.Ordinal)).ToList();
            Index = new Bm25Index(docs);
        }

        public IReadOnlyList<KnowledgeEntry> Entries { get; }

        public Bm25Index Index { get; }

        public double Confidence(int doc, List<string> content, double totalIdf) =>
            totalIdf <= 0 ? 0 : content.Where(_termSets[doc].Contains).Sum(Index.Idf) / totalIdf;

        private static List<string> Terms(KnowledgeEntry e)
        {
            var questions = SearchTokenizer.Tokenize(string.Join(" ", e.Questions));
            return [.. questions, .. questions, .. SearchTokenizer.Tokenize(e.Answer)];
        }
    }
}
