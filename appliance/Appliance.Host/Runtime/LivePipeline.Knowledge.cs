using Appliance.Dialog.Knowledge;
using Appliance.Host.Pipeline;
using Appliance.Service.Knowledge;
using Appliance.Service.Runtime;
using Microsoft.Extensions.Logging;

namespace Appliance.Host.Runtime;

/// <summary>
/// POST /api/kb/reindex in `run`: the uploaded documents (&lt;state&gt;/kb, Markdown FAQ format) are parsed
/// and BM25-indexed on the request's thread, then swapped into the running KnowledgeBase in one reference
/// write (KnowledgeBase.Replace): the next question is answered from them, a turn in flight finishes on the
/// old index. No documents = the bundled sample knowledge. Also applied when the engines load.
/// </summary>
internal sealed partial class LivePipeline : IKnowledgeIndexer
{
    private volatile IReadOnlyList<KnowledgeEntry>? _uploadedKnowledge;

    public Task<int> ReindexAsync(IReadOnlyList<KnowledgeDocument> documents, CancellationToken cancellationToken)
    {
        IReadOnlyList<KnowledgeEntry> entries;
        try
        {
            entries = documents.Count == 0
                ? KnowledgeLoader.LoadDirectory(KnowledgeLoader.DefaultDirectory)
                : documents.SelectMany(d => KnowledgeLoader.LoadFile(d.Path)).ToList();
        }
        catch (InvalidKnowledgeException e)
        {
            throw new InvalidDataException($"knowledge base not re-indexed, the previous index stays: {e.Message}", e);
        }
        if (documents.Count > 0 && entries.Count == 0)
        {
            throw new InvalidDataException("knowledge base not re-indexed: the documents hold no '## question | question {#id}' entries");
        }
        _uploadedKnowledge = entries;
        _engines?.Knowledge.Replace(entries);
        _logger.LogInformation("knowledge: re-indexed {Entries} entries from {Documents} document(s)", entries.Count, documents.Count);
        return Task.FromResult(documents.Count);
    }

    /// <summary>After the engines load: documents uploaded before (or re-indexed while loading) win over the bundled sample.</summary>
    private void ApplyUploadedKnowledge(PipelineEngines engines)
    {
        if (_uploadedKnowledge is { } entries)
        {
            engines.Knowledge.Replace(entries);
            return;
        }
        var documents = _knowledgeStore.List();
        if (documents.Count > 0)
        {
            try
            {
                ReindexAsync(documents, CancellationToken.None);
            }
            catch (InvalidDataException e)
            {
                _logger.LogWarning("knowledge: {Problem}; answering from the bundled sample", e.Message);
            }
        }
    }
}
