using Appliance.Service.Models;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Appliance.Service.Api.Models;

/// <summary>Provisioned models: list with the active choice, sha256 verification, activation with rollback.</summary>
public static class ModelsEndpoints
{
    public sealed record ModelView(ModelEntry Model, bool Active);

    public sealed record ActivationResult(string Id, string Kind, bool Active);

    public static RouteGroupBuilder MapModels(this RouteGroupBuilder group, string verifyRole, string activateRole)
    {
        group.MapGet("/", ListModels).WithName("ListModels");
        group.MapPost("/{id}/verify", VerifyModel).WithName("VerifyModel").RequireAuthorization(verifyRole);
        group.MapPost("/{id}/activate", ActivateModel).WithName("ActivateModel").RequireAuthorization(activateRole);
        return group;
    }

    public static Results<Ok<List<ModelView>>, ProblemHttpResult> ListModels(ModelRegistry registry)
    {
        try
        {
            var active = registry.Active();
            return TypedResults.Ok(registry.List().Select(m => new ModelView(m, active.GetValueOrDefault(m.Kind) == m.Id)).ToList());
        }
        catch (InvalidDataException e)
        {
            return TypedResults.Problem(e.Message, statusCode: 500, title: "Model manifest unreadable");
        }
    }

    public static async Task<Results<Ok<ModelVerification>, ProblemHttpResult>> VerifyModel(string id, ModelRegistry registry, CancellationToken cancellationToken)
    {
        if (registry.Find(id) is not { } model)
        {
            return ApiProblems.NotFound($"No model with id {id} in the manifest.");
        }
        return TypedResults.Ok(await registry.VerifyAsync(model, cancellationToken));
    }

    public static async Task<Results<Ok<ActivationResult>, ProblemHttpResult>> ActivateModel(string id, ModelRegistry registry, CancellationToken cancellationToken)
    {
        if (registry.Find(id) is not { } model)
        {
            return ApiProblems.NotFound($"No model with id {id} in the manifest.");
        }
        try
        {
            await registry.ActivateAsync(model, cancellationToken);
            return TypedResults.Ok(new ActivationResult(model.Id, model.Kind, true));
        }
        catch (ModelActivationException e)
        {
            return ApiProblems.Conflict($"{e.Message} Active {model.Kind} model: {e.RolledBackTo ?? "none"} (rolled back).");
        }
    }
}
