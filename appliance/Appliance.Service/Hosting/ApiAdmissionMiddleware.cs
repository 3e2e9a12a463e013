using System.Threading.RateLimiting;
using Appliance.Service.Configuration;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Appliance.Service.Hosting;

/// <summary>
/// One token bucket for the whole admin API (all clients together), first in the pipeline so excess
/// requests cost no authentication or handler work. Requests over the rate wait in a bounded queue —
/// clients polling in a loop slow down instead of spinning the CPU — and beyond the queue get 503.
/// Per-client fairness is the separate per-token rate limit. The kiosk listener (avatar page, its
/// WebSocket, the HDMI dashboard) is the kiosk itself and is not limited.
/// </summary>
public sealed class ApiAdmissionMiddleware : IDisposable
{
    private readonly RequestDelegate _next;
    private readonly ServiceOptions _options;
    private readonly ConfigStore _config;
    private readonly IProblemDetailsService _problems;
    private readonly TokenBucketRateLimiter _bucket;

    public ApiAdmissionMiddleware(RequestDelegate next, ServiceOptions options, ConfigStore config, IProblemDetailsService problems)
    {
        _next = next;
        _options = options;
        _config = config;
        _problems = problems;
        var perSecond = Math.Max(1, options.ApiRequestsPerSecond);
        // Replenished ten times a second when the rate allows, so a queue drains smoothly.
        var (period, tokens) = options.ApiRefillPeriod is { } refill
            ? (refill, (int)Math.Clamp(perSecond * refill.TotalSeconds, 1, int.MaxValue))
            : perSecond >= 10 ? (TimeSpan.FromMilliseconds(100), perSecond / 10) : (TimeSpan.FromSeconds(1.0 / perSecond), 1);
        _bucket = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = Math.Max(1, options.ApiBurst),
            TokensPerPeriod = tokens,
            ReplenishmentPeriod = period,
            QueueLimit = Math.Max(0, options.ApiQueueLimit),
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        });
    }

    public async Task InvokeAsync(HttpContext context)
    {
        var kioskPort = _options.KioskPort ?? _config.Current.Api.KioskPort;
        if (_options.ApiRequestsPerSecond <= 0 || (kioskPort != 0 && context.Connection.LocalPort == kioskPort))
        {
            await _next(context);
            return;
        }
        using var lease = await _bucket.AcquireAsync(1, context.RequestAborted);
        if (!lease.IsAcquired)
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.Headers.RetryAfter = "1";
            await _problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = new ProblemDetails
                {
                    Status = 503,
                    Title = "Busy",
                    Detail = "The admin API's request queue is full (the conversation has priority on this box); retry in a second.",
                },
            });
            return;
        }
        await _next(context);
    }

    public void Dispose() => _bucket.Dispose();
}
