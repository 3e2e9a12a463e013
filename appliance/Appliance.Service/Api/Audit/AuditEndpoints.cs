using Appliance.Service.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Appliance.Service.Api.Audit;

/// <summary>The newest audit entries (admin only).</summary>
public static class AuditEndpoints
{
    public static RouteGroupBuilder MapAudit(this RouteGroupBuilder group)
    {
        group.MapGet("/", TailAudit).WithName("TailAudit");
        return group;
    }

    public static Ok<IReadOnlyList<AuditEntry>> TailAudit(AuditLog audit, int max = 100)
        => TypedResults.Ok(audit.Tail(Math.Clamp(max, 1, 1000)));
}
