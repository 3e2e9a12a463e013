namespace Appliance.Dialog.Knowledge;

/// <param name="Score">BM25 score (ranking only; not comparable across queries).</param>
/// <param name="Confidence">0..1: the IDF-weighted share of the query's content terms the entry contains; thresholds use this.</param>
public sealed record KnowledgeHit(KnowledgeEntry Entry, double Score, double Confidence);
