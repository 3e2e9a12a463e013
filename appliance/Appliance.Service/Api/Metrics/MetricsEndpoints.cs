using Appliance.Service.Metrics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Appliance.Service.Api.Metrics;

/// <summary>Prometheus text exposition (GET /metrics, viewer token; Prometheus supports bearer auth).</summary>
public static class MetricsEndpoints
{
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    public static RouteGroupBuilder MapMetrics(this RouteGroupBuilder group)
    {
        group.MapGet("/", GetMetrics).WithName("GetMetrics");
        return group;
    }

    public static ContentHttpResult GetMetrics(ApplianceMetrics metrics) => TypedResults.Text(metrics.ToPrometheusText(), ContentType);
}
