using Appliance.Service.Runtime;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Appliance.Service.Api.Leds;

/// <summary>LED ring test patterns.</summary>
public static class LedEndpoints
{
    public sealed record TestPatternRequest(string Pattern, int DurationMs);

    public static RouteGroupBuilder MapLeds(this RouteGroupBuilder group, string testRole)
    {
        group.MapGet("/patterns", ListPatterns).WithName("ListLedPatterns");
        group.MapPost("/test", RunTestPattern).WithName("RunLedTestPattern").RequireAuthorization(testRole);
        return group;
    }

    public static Ok<IReadOnlyList<string>> ListPatterns(ILedControl leds) => TypedResults.Ok(leds.Patterns);

    public static async Task<Results<Accepted, ValidationProblem>> RunTestPattern(TestPatternRequest request, ILedControl leds, CancellationToken cancellationToken)
    {
        if (request.Pattern is null || !leds.Patterns.Contains(request.Pattern))
        {
            return ApiProblems.Invalid("pattern", $"must be one of: {string.Join(", ", leds.Patterns)}");
        }
        if (request.DurationMs is < 100 or > 60_000)
        {
            return ApiProblems.Invalid("durationMs", "must be 100..60000");
        }
        await leds.RunTestPatternAsync(request.Pattern, request.DurationMs, cancellationToken);
        return TypedResults.Accepted((string?)null);
    }
}
