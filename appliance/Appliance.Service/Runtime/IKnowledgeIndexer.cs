using Appliance.Service.Knowledge;

namespace Appliance.Service.Runtime;

/// <summary>
/// Rebuilds the dialog's retrieval index (BM25) from the document store; returns the documents indexed.
/// Throws InvalidDataException (→ 400 ProblemDetails, index unchanged) for documents it cannot index.
/// </summary>
public interface IKnowledgeIndexer
{
    Task<int> ReindexAsync(IReadOnlyList<KnowledgeDocument> documents, CancellationToken cancellationToken);
}
