using Appliance.Service.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Appliance.Service.Api.Tokens;

/// <summary>API tokens: list (no secrets), create (the secret is returned once), revoke.</summary>
public static class TokensEndpoints
{
    public sealed record CreateTokenRequest(string Role, string Label);

    public sealed record CreatedToken(string Id, string Role, string Label, string Token);

    public static RouteGroupBuilder MapTokens(this RouteGroupBuilder group)
    {
        group.MapGet("/", ListTokens).WithName("ListTokens");
        group.MapPost("/", CreateToken).WithName("CreateToken");
        group.MapDelete("/{id}", RevokeToken).WithName("RevokeToken");
        return group;
    }

    public static Ok<IReadOnlyList<TokenInfo>> ListTokens(TokenStore tokens) => TypedResults.Ok(tokens.List());

    public static Results<Created<CreatedToken>, ValidationProblem> CreateToken(CreateTokenRequest request, TokenStore tokens, HttpContext context)
    {
        if (request.Role is null || !Roles.IsValid(request.Role))
        {
            return ApiProblems.Invalid("role", $"must be one of: {string.Join(", ", Roles.All)}");
        }
        if (string.IsNullOrWhiteSpace(request.Label) || request.Label.Length > 64)
        {
            return ApiProblems.Invalid("label", "must be 1..64 characters");
        }
        var token = tokens.Create(request.Role, request.Label);
        var id = TokenStore.IdOf(token)!;
        context.Items[AuditMiddleware.DetailsKey] = new[] { $"created {request.Role} token {id} ({request.Label})" };
        return TypedResults.Created($"/api/tokens/{id}", new CreatedToken(id, request.Role, request.Label, token));
    }

    public static Results<NoContent, ProblemHttpResult> RevokeToken(string id, TokenStore tokens)
        => tokens.Revoke(id) ? TypedResults.NoContent() : ApiProblems.NotFound($"No token {id}.");
}
