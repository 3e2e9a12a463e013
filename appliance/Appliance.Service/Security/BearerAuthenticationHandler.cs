using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Appliance.Service.Security;

/// <summary>
/// "Authorization: Bearer apl_…" against the TokenStore. No header → no result (401 where a role is
/// required); a wrong token → failure (401). The role becomes a role claim for the policies.
/// </summary>
public sealed class BearerAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    TokenStore tokens)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
    public const string SchemeName = "Bearer";
    public const string TokenIdClaim = "token_id";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (string.IsNullOrEmpty(header))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return Task.FromResult(AuthenticateResult.Fail("Authorization must be a Bearer token"));
        }
        var record = tokens.Validate(header["Bearer ".Length..].Trim());
        if (record is null)
        {
            return Task.FromResult(AuthenticateResult.Fail("Unknown or revoked token"));
        }
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, record.Label), new Claim(ClaimTypes.Role, record.Role), new Claim(TokenIdClaim, record.Id)],
            SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer realm=\"appliance\"";
        return Task.CompletedTask;
    }
}
