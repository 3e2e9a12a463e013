using Appliance.Service.Knowledge;
using Appliance.Service.Runtime;
using Appliance.Service.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Appliance.Service.Api.Knowledge;

/// <summary>
/// Knowledge-base documents: list, upload (PUT raw text/markdown to /api/kb/{name}), delete, re-index.
/// Names are checked against a whitelist before any file is touched (no traversal possible).
/// </summary>
public static class KnowledgeEndpoints
{
    public sealed record DocumentInfo(string Name, long SizeBytes, DateTimeOffset ModifiedAt);

    public sealed record ReindexResult(int Documents);

    public static RouteGroupBuilder MapKnowledge(this RouteGroupBuilder group, string writeRole)
    {
        group.MapGet("/", ListDocuments).WithName("ListDocuments");
        group.MapPut("/{name}", PutDocument).WithName("PutDocument").RequireAuthorization(writeRole)
            .Accepts<string>("text/plain", "text/markdown");
        group.MapDelete("/{name}", DeleteDocument).WithName("DeleteDocument").RequireAuthorization(writeRole);
        group.MapPost("/reindex", Reindex).WithName("ReindexKnowledge").RequireAuthorization(writeRole);
        return group;
    }

    public static Ok<List<DocumentInfo>> ListDocuments(KnowledgeStore store)
        => TypedResults.Ok(store.List().Select(d => new DocumentInfo(d.Name, d.SizeBytes, d.ModifiedAt)).ToList());

    public static async Task<Results<Created<DocumentInfo>, Ok<DocumentInfo>, ValidationProblem, ProblemHttpResult>> PutDocument(
        string name, HttpRequest request, KnowledgeStore store, ServiceOptions options, HttpContext context, CancellationToken cancellationToken)
    {
        if (KnowledgeStore.CheckName(name) is { } problem)
        {
            return ApiProblems.Invalid("name", problem);
        }
        var mediaType = request.ContentType?.Split(';')[0].Trim();
        if (mediaType is not ("text/plain" or "text/markdown"))
        {
            return TypedResults.Problem("Upload the document as text/plain or text/markdown.", statusCode: 415, title: "Unsupported media type");
        }
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        if (buffer.Length > options.MaxDocumentBytes)
        {
            return TypedResults.Problem($"Documents are at most {options.MaxDocumentBytes} bytes.", statusCode: 413, title: "Request body too large");
        }
        if (buffer.Length == 0)
        {
            return ApiProblems.Invalid("body", "the document is empty");
        }
        bool created;
        try
        {
            created = store.Put(name, buffer.ToArray());
        }
        catch (InvalidDataException e)
        {
            return ApiProblems.Invalid("body", e.Message);
        }
        context.Items[AuditMiddleware.DetailsKey] = new[] { $"{(created ? "created" : "replaced")} {name} ({buffer.Length} bytes)" };
        var info = new DocumentInfo(name, buffer.Length, DateTimeOffset.UtcNow);
        return created ? TypedResults.Created($"/api/kb/{name}", info) : TypedResults.Ok(info);
    }

    public static Results<NoContent, ValidationProblem, ProblemHttpResult> DeleteDocument(string name, KnowledgeStore store)
    {
        if (KnowledgeStore.CheckName(name) is { } problem)
        {
            return ApiProblems.Invalid("name", problem);
        }
        return store.Delete(name) ? TypedResults.NoContent() : ApiProblems.NotFound($"No document named {name}.");
    }

    public static async Task<Results<Ok<ReindexResult>, ValidationProblem>> Reindex(KnowledgeStore store, IKnowledgeIndexer indexer, CancellationToken cancellationToken)
    {
        try
        {
            return TypedResults.Ok(new ReindexResult(await indexer.ReindexAsync(store.List(), cancellationToken)));
        }
        catch (InvalidDataException e)
        {
            // A document the dialog cannot index: the running index is kept.
            return ApiProblems.Invalid("documents", e.Message);
        }
    }
}
