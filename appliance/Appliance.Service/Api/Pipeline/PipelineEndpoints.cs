using Appliance.Service.Runtime;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Appliance.Service.Api.Pipeline;

/// <summary>Restart the conversation pipeline (not the process, not the audio device).</summary>
public static class PipelineEndpoints
{
    public static RouteGroupBuilder MapPipeline(this RouteGroupBuilder group)
    {
        group.MapPost("/restart", RestartPipeline).WithName("RestartPipeline");
        return group;
    }

    public static async Task<Accepted> RestartPipeline(IPipelineLifecycle pipeline, CancellationToken cancellationToken)
    {
        await pipeline.RestartAsync(cancellationToken);
        return TypedResults.Accepted((string?)null);
    }
}
