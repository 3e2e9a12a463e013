using Appliance.Service.Configuration;
using Appliance.Service.Security;
using Appliance.Service.Systemd;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Appliance.Service.Api.Config;

/// <summary>
/// The whole configuration. PUT validates everything first (nothing is written on any error), then
/// persists atomically, applies it like a reload (audio stays open) and puts the field diff in the audit log.
/// </summary>
public static class ConfigEndpoints
{
    public sealed record ConfigSaved(IReadOnlyList<string> Changes);

    public static RouteGroupBuilder MapConfig(this RouteGroupBuilder group, string writeRole)
    {
        group.MapGet("/", GetConfig).WithName("GetConfig");
        group.MapPut("/", PutConfig).WithName("PutConfig").RequireAuthorization(writeRole);
        return group;
    }

    public static Ok<ApplianceConfig> GetConfig(ConfigStore store) => TypedResults.Ok(store.Current);

    public static async Task<Results<Ok<ConfigSaved>, ValidationProblem>> PutConfig(
        ApplianceConfig config, ConfigStore store, ConfigReloader reloader, HttpContext context, CancellationToken cancellationToken)
    {
        var errors = ConfigValidator.Validate(config);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var changes = store.Save(config);
        context.Items[AuditMiddleware.DetailsKey] = changes;
        await reloader.ApplyCurrentAsync(cancellationToken);
        return TypedResults.Ok(new ConfigSaved(changes));
    }
}
