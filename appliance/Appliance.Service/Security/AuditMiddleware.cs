using System.Security.Claims;
using Microsoft.AspNetCore.Http;

namespace Appliance.Service.Security;

/// <summary>Writes an audit entry after every POST/PUT/PATCH/DELETE under /api, whatever its outcome.</summary>
public sealed class AuditMiddleware(RequestDelegate next, AuditLog audit)
{
    /// <summary>Handlers add human-readable details (e.g. a config diff) under this HttpContext.Items key.</summary>
    public const string DetailsKey = "audit.details";

    public async Task InvokeAsync(HttpContext context)
    {
        var method = context.Request.Method;
        var mutating = HttpMethods.IsPost(method) || HttpMethods.IsPut(method) || HttpMethods.IsPatch(method) || HttpMethods.IsDelete(method);
        if (!mutating || !context.Request.Path.StartsWithSegments("/api"))
        {
            await next(context);
            return;
        }
        try
        {
            await next(context);
        }
        finally
        {
            audit.Append(new AuditEntry(
                DateTimeOffset.UtcNow,
                context.User.FindFirstValue(BearerAuthenticationHandler.TokenIdClaim),
                context.User.FindFirstValue(ClaimTypes.Role),
                context.Connection.RemoteIpAddress?.ToString(),
                method,
                context.Request.Path.Value ?? "",
                context.Response.StatusCode,
                context.Items[DetailsKey] as IReadOnlyList<string>));
        }
    }
}
