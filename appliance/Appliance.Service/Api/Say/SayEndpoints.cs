using Appliance.Service.Runtime;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Appliance.Service.Api.Say;

/// <summary>Speak a text through the avatar (queued like a reply).</summary>
public static class SayEndpoints
{
    public const int MaxLength = 1000;

    public sealed record SayRequest(string Text);

    public static RouteGroupBuilder MapSay(this RouteGroupBuilder group)
    {
        group.MapPost("/", Say).WithName("Say");
        return group;
    }

    public static async Task<Results<Accepted, ValidationProblem>> Say(SayRequest request, ISpeechOutput speech, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Text) || request.Text.Length > MaxLength)
        {
            return ApiProblems.Invalid("text", $"must be 1..{MaxLength} characters");
        }
        await speech.SayAsync(request.Text.Trim(), cancellationToken);
        return TypedResults.Accepted((string?)null);
    }
}
