namespace Appliance.Dialog.Knowledge;

/// <param name="Id">Links the translations of one fact ("hours" in en and zh).</param>
/// <param name="Language">"en" or "zh".</param>
/// <param name="Questions">Ways a visitor may ask; searched together with the answer.</param>
/// <param name="Answer">What the kiosk says (may contain emotion/gesture tags).</param>
/// <param name="Curated">A curated intent: answered verbatim even when an LLM is provisioned.</param>
/// <param name="Source">File (and line) it came from, for the admin API and logs.</param>
public sealed record KnowledgeEntry(string Id, string Language, IReadOnlyList<string> Questions, string Answer, bool Curated, string Source);
