using Appliance.Service.Api.Audio;
using Appliance.Service.Api.Audit;
using Appliance.Service.Api.Capabilities;
using Appliance.Service.Api.Config;
using Appliance.Service.Api.Health;
using Appliance.Service.Api.Knowledge;
using Appliance.Service.Api.Leds;
using Appliance.Service.Api.Logs;
using Appliance.Service.Api.Metrics;
using Appliance.Service.Api.Models;
using Appliance.Service.Api.Persona;
using Appliance.Service.Api.Pipeline;
using Appliance.Service.Api.Say;
using Appliance.Service.Api.Status;
using Appliance.Service.Api.Tokens;
using Appliance.Service.Api.Turns;
using Appliance.Service.Dashboard;
using Appliance.Service.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Routing;
using R = Appliance.Service.Security.Roles;

namespace Appliance.Service.Hosting;

/// <summary>The request pipeline and the route table (one Map call per feature folder).</summary>
public static class ApplicationBuilderExtensions
{
    public static IApplicationBuilder UseApplianceService(this IApplicationBuilder app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<ApiAdmissionMiddleware>();
        app.UseMiddleware<BodySizeLimitMiddleware>();
        var extra = app.ApplicationServices.GetService<ServiceOptions>()?.MapExtraEndpoints;
        if (extra is not null)
        {
            app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(5) });
        }
        app.UseRouting();
        // Before authentication so rejected (401/403) mutating calls are audited too.
        app.UseMiddleware<AuditMiddleware>();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseEndpoints(endpoints =>
        {
            endpoints.MapApplianceEndpoints();
            extra?.Invoke(endpoints);
        });
        return app;
    }

    public static IEndpointRouteBuilder MapApplianceEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapOpenApi().AllowAnonymous();
        endpoints.MapDashboard();
        endpoints.MapGroup("/metrics").RequireAuthorization(R.Viewer).RequireRateLimiting(ServiceCollectionExtensions.RateLimitPolicy).MapMetrics();

        var api = endpoints.MapGroup("/api").RequireRateLimiting(ServiceCollectionExtensions.RateLimitPolicy);
        api.MapGroup("/health").WithTags("health").MapHealth();
        api.MapGroup("/status").WithTags("status").RequireAuthorization(R.Viewer).MapStatus();
        api.MapGroup("/capabilities").WithTags("capabilities").RequireAuthorization(R.Viewer).MapCapabilities();
        api.MapGroup("/config").WithTags("config").RequireAuthorization(R.Viewer).MapConfig(R.Admin);
        api.MapGroup("/persona").WithTags("persona").RequireAuthorization(R.Viewer).MapPersona(R.Operator);
        api.MapGroup("/kb").WithTags("knowledge").RequireAuthorization(R.Viewer).MapKnowledge(R.Operator);
        api.MapGroup("/models").WithTags("models").RequireAuthorization(R.Viewer).MapModels(R.Operator, R.Admin);
        api.MapGroup("/audio").WithTags("audio").RequireAuthorization(R.Viewer).MapAudio(R.Operator);
        api.MapGroup("/leds").WithTags("leds").RequireAuthorization(R.Viewer).MapLeds(R.Operator);
        api.MapGroup("/say").WithTags("say").RequireAuthorization(R.Operator).MapSay();
        api.MapGroup("/turns").WithTags("turns").RequireAuthorization(R.Viewer).MapTurns();
        api.MapGroup("/logs").WithTags("logs").RequireAuthorization(R.Operator).MapLogs();
        api.MapGroup("/pipeline").WithTags("pipeline").RequireAuthorization(R.Operator).MapPipeline();
        api.MapGroup("/tokens").WithTags("tokens").RequireAuthorization(R.Admin).MapTokens();
        api.MapGroup("/audit").WithTags("audit").RequireAuthorization(R.Admin).MapAudit();
        return endpoints;
    }
}
