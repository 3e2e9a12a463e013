using Appliance.Service.Knowledge;

namespace Appliance.Service.Runtime.Standby;

/// <summary>Re-index without the dialog engine: reports how many documents would be indexed.</summary>
public sealed class CountingIndexer : IKnowledgeIndexer
{
    public Task<int> ReindexAsync(IReadOnlyList<KnowledgeDocument> documents, CancellationToken cancellationToken)
        => Task.FromResult(documents.Count);
}
