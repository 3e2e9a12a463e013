using Appliance.Service.Runtime;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Appliance.Service.Api.Health;

/// <summary>Liveness (the process answers) and readiness (models loaded, audio open, heartbeat healthy). Anonymous.</summary>
public static class HealthEndpoints
{
    public sealed record HealthResponse(string Status, string? Detail);

    public static RouteGroupBuilder MapHealth(this RouteGroupBuilder group)
    {
        group.MapGet("/live", Live).WithName("HealthLive").AllowAnonymous();
        group.MapGet("/ready", Ready).WithName("HealthReady").AllowAnonymous();
        return group;
    }

    public static Ok<HealthResponse> Live() => TypedResults.Ok(new HealthResponse("live", null));

    public static Results<Ok<HealthResponse>, ProblemHttpResult> Ready(IPipelineStatus status, IPipelineHeartbeat heartbeat)
    {
        var s = status.Snapshot();
        var beat = heartbeat.Read();
        if (!s.ModelsLoaded || !s.AudioOpen)
        {
            return ApiProblems.Unavailable($"not ready: models loaded {s.ModelsLoaded}, audio open {s.AudioOpen}");
        }
        if (!beat.Healthy)
        {
            return ApiProblems.Unavailable($"pipeline unhealthy: {beat.Problem}");
        }
        return TypedResults.Ok(new HealthResponse("ready", s.State.ToString().ToLowerInvariant()));
    }
}
