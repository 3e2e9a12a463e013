using Appliance.Service.Hosting;
using Appliance.Service.Runtime;
using Appliance.Service.Security;
using Appliance.Service.Systemd;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Appliance.Service.Api.Status;

/// <summary>The state machine, the current turn, uptime and the device certificate's fingerprint.</summary>
public static class StatusEndpoints
{
    public sealed record StatusResponse(
        string State,
        string StatusLine,
        bool Ready,
        string? CurrentTurnId,
        string? CurrentUtterance,
        int TurnsCompleted,
        string Llm,
        string? LastError,
        DateTimeOffset StartedAt,
        double UptimeSeconds,
        string CertificateFingerprint,
        string Version);

    public static RouteGroupBuilder MapStatus(this RouteGroupBuilder group)
    {
        group.MapGet("/", GetStatus).WithName("GetStatus");
        return group;
    }

    public static Ok<StatusResponse> GetStatus(IPipelineStatus status, ServiceClock clock, DeviceCertificate certificate)
    {
        var s = status.Snapshot();
        return TypedResults.Ok(new StatusResponse(
            s.State.ToString().ToLowerInvariant(),
            StatusLine.Format(s),
            s.ModelsLoaded && s.AudioOpen,
            s.CurrentTurnId,
            s.CurrentUtterance,
            s.TurnsCompleted,
            s.LlmDescription,
            s.LastError,
            clock.StartedAt,
            Math.Round(clock.Uptime.TotalSeconds, 1),
            certificate.Fingerprint,
            typeof(StatusEndpoints).Assembly.GetName().Version?.ToString() ?? "0"));
    }
}
