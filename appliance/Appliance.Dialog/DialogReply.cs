namespace Appliance.Dialog;

/// <param name="Source">Where the reply comes from, for the trace: "curated:&lt;id&gt;", "kb:&lt;id&gt;", "kb:dont-know" or "llm:&lt;model&gt;".</param>
/// <param name="Pieces">Text as it is produced (tags included; the pipeline parses them).</param>
public sealed record DialogReply(string Source, IAsyncEnumerable<string> Pieces);
