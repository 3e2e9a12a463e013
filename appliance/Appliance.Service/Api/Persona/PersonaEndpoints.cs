using Appliance.Service.Api.Config;
using Appliance.Service.Configuration;
using Appliance.Service.Runtime;
using Appliance.Service.Security;
using Appliance.Service.Systemd;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Appliance.Service.Api.Persona;

/// <summary>The persona section alone, editable by operators (the rest of the config needs admin).</summary>
public static class PersonaEndpoints
{
    public static RouteGroupBuilder MapPersona(this RouteGroupBuilder group, string writeRole)
    {
        group.MapGet("/", GetPersona).WithName("GetPersona");
        group.MapPut("/", PutPersona).WithName("PutPersona").RequireAuthorization(writeRole);
        return group;
    }

    public static Ok<PersonaConfig> GetPersona(ConfigStore store) => TypedResults.Ok(store.Current.Persona);

    public static async Task<Results<Ok<ConfigEndpoints.ConfigSaved>, ValidationProblem>> PutPersona(
        PersonaConfig persona, ConfigStore store, ConfigReloader reloader, [FromServices] IEnumerable<IRuntimeConfigCheck> checks,
        HttpContext context, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        ConfigValidator.ValidatePersona(persona, "", (k, m) => errors[k] = [m]);
        var next = store.Current.WithPersona(persona);
        if (errors.Count == 0)
        {
            ConfigEndpoints.CheckRuntime(next, checks, "persona.", errors);
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var changes = store.Save(next);
        context.Items[AuditMiddleware.DetailsKey] = changes;
        await reloader.ApplyCurrentAsync(cancellationToken);
        return TypedResults.Ok(new ConfigEndpoints.ConfigSaved(changes));
    }
}
