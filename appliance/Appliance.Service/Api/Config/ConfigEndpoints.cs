using Appliance.Service.Configuration;
using Appliance.Service.Runtime;
using Appliance.Service.Security;
using Appliance.Service.Systemd;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
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
        ApplianceConfig config, ConfigStore store, ConfigReloader reloader, [FromServices] IEnumerable<IRuntimeConfigCheck> checks,
        HttpContext context, CancellationToken cancellationToken)
    {
        var errors = ConfigValidator.Validate(config);
        if (errors.Count == 0)
        {
            CheckRuntime(config, checks, "", errors);
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var changes = store.Save(config);
        context.Items[AuditMiddleware.DetailsKey] = changes;
        await reloader.ApplyCurrentAsync(cancellationToken);
        return TypedResults.Ok(new ConfigSaved(changes));
    }

    /// <summary>Runs the engines' checks; keys starting with <paramref name="strip"/> lose that prefix (the persona endpoint's body is the persona).</summary>
    internal static void CheckRuntime(ApplianceConfig config, IEnumerable<IRuntimeConfigCheck> checks, string strip, Dictionary<string, string[]> errors)
    {
        foreach (var check in checks)
        {
            check.Check(config, (key, message) =>
            {
                key = strip.Length > 0 && key.StartsWith(strip, StringComparison.Ordinal) ? key[strip.Length..] : key;
                errors[key] = [.. errors.GetValueOrDefault(key, []), message];
            });
        }
    }
}
