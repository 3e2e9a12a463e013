using Appliance.Service.Configuration;
using Appliance.Service.Runtime;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Appliance.Service.Api.Turns;

/// <summary>
/// Recent turn traces, newest first, paged. Turns older than the retention are never returned, and the
/// conversation text is only included when privacy.storeConversationText is on.
/// </summary>
public static class TurnsEndpoints
{
    public const int MaxPageSize = 100;
    public const int Window = 500;

    public sealed record TurnPage(int Page, int PageSize, int Total, bool TextIncluded, IReadOnlyList<TurnTrace> Items);

    public static RouteGroupBuilder MapTurns(this RouteGroupBuilder group)
    {
        group.MapGet("/", ListTurns).WithName("ListTurns");
        return group;
    }

    public static Results<Ok<TurnPage>, ValidationProblem> ListTurns(
        ITurnTraceSource source, ConfigStore config, TimeProvider time, int page = 1, int pageSize = 20)
    {
        if (page < 1)
        {
            return ApiProblems.Invalid("page", "must be >= 1");
        }
        if (pageSize is < 1 or > MaxPageSize)
        {
            return ApiProblems.Invalid("pageSize", $"must be 1..{MaxPageSize}");
        }
        var privacy = config.Current.Privacy;
        var cutoff = time.GetUtcNow() - TimeSpan.FromHours(privacy.RetentionHours);
        var kept = source.Recent(Window).Where(t => t.StartedAt >= cutoff).ToList();
        var items = kept.Skip((page - 1) * pageSize).Take(pageSize)
            .Select(t => privacy.StoreConversationText ? t : t with { UserText = null, ReplyText = null })
            .ToList();
        return TypedResults.Ok(new TurnPage(page, pageSize, kept.Count, privacy.StoreConversationText, items));
    }
}
