using System.Threading.RateLimiting;
using Appliance.Service.Configuration;
using Appliance.Service.Knowledge;
using Appliance.Service.Logging;
using Appliance.Service.Metrics;
using Appliance.Service.Models;
using Appliance.Service.Runtime;
using Appliance.Service.Runtime.Standby;
using Appliance.Service.Security;
using Appliance.Service.Systemd;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Appliance.Service.Hosting;

/// <summary>Everything the service registers. Runtime interfaces registered before this call win (TryAdd).</summary>
public static class ServiceCollectionExtensions
{
    public const string RateLimitPolicy = "per-client";

    public static IServiceCollection AddApplianceService(this IServiceCollection services, ServiceOptions options, LogRing ring)
    {
        services.AddSingleton(options);
        services.AddSingleton(ring);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ServiceClock>();
        services.AddSingleton<ConfigStore>();
        services.AddSingleton<TokenStore>();
        services.AddSingleton<DeviceCertificate>();
        services.AddSingleton<AuditLog>();
        services.AddSingleton<KnowledgeStore>();
        services.AddSingleton<ModelRegistry>();
        services.TryAddSingleton<ApplianceMetrics>();
        services.TryAddSingleton<ISystemdNotifier>(sp => new SystemdNotifier(options.NotifySocket, sp.GetRequiredService<ILogger<SystemdNotifier>>()));
        AddRuntimeDefaults(services);

        services.Configure<HostOptions>(o => o.ShutdownTimeout = options.ShutdownTimeout);
        services.AddHostedService<InitialAdminTokenService>();
        services.AddHostedService<PipelineHostedService>();
        services.AddSingleton<SystemdLifetimeService>();
        services.AddHostedService(sp => sp.GetRequiredService<SystemdLifetimeService>());
        services.AddSingleton<PipelineWatchdog>();
        services.AddHostedService(sp => sp.GetRequiredService<PipelineWatchdog>());
        services.AddSingleton<ConfigReloader>();
        services.AddHostedService(sp => sp.GetRequiredService<ConfigReloader>());

        services.AddRouting();
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.ConfigureHttpJsonOptions(o => ConfigJson.Configure(o.SerializerOptions));
        services.AddProblemDetails();
        services.AddExceptionHandler<BadRequestExceptionHandler>();
        services.AddOpenApi();

        // Authentication pulls in DataProtection; we use no cookies, but keep its keys in the state dir
        // (the home directory is not writable under the unit's sandbox).
        services.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(options.StateDir, "dataprotection")));
        services.AddAuthentication(BearerAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, BearerAuthenticationHandler>(BearerAuthenticationHandler.SchemeName, null);
        services.AddAuthorization(o =>
        {
            foreach (var role in Roles.All)
            {
                o.AddPolicy(role, p => p.RequireAuthenticatedUser().RequireRole(Roles.AtLeast(role)));
            }
        });
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = async (context, token) =>
            {
                var problems = context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>();
                await problems.WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context.HttpContext,
                    ProblemDetails = new ProblemDetails { Status = 429, Title = "Too many requests", Detail = "Per-client rate limit reached; retry in a minute." },
                });
            };
            o.AddPolicy(RateLimitPolicy, context =>
            {
                var limit = context.RequestServices.GetRequiredService<ConfigStore>().Current.Api.RateLimitPerMinute;
                var header = context.Request.Headers.Authorization.ToString();
                var tokenId = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? TokenStore.IdOf(header[7..].Trim()) : null;
                var key = tokenId is not null ? $"token:{tokenId}" : $"addr:{context.Connection.RemoteIpAddress}";
                return RateLimitPartition.GetFixedWindowLimiter($"{key}:{limit}", _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = limit,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                });
            });
        });
        return services;
    }

    /// <summary>The standby/in-process defaults for everything the pipeline will provide (README "Wiring").</summary>
    private static void AddRuntimeDefaults(IServiceCollection services)
    {
        services.TryAddSingleton<StandbyPipeline>();
        services.TryAddSingleton<IPipelineStatus>(sp => sp.GetRequiredService<StandbyPipeline>());
        services.TryAddSingleton<IPipelineHeartbeat>(sp => sp.GetRequiredService<StandbyPipeline>());
        services.TryAddSingleton<ITurnTraceSource>(sp => sp.GetRequiredService<StandbyPipeline>());
        services.TryAddSingleton<IPipelineLifecycle>(sp => sp.GetRequiredService<StandbyPipeline>());
        services.TryAddSingleton<ISpeechOutput>(sp => sp.GetRequiredService<StandbyPipeline>());
        if (!services.Any(d => d.ServiceType == typeof(IConfigReloadTarget)))
        {
            services.AddSingleton<IConfigReloadTarget>(sp => sp.GetRequiredService<StandbyPipeline>());
        }
        services.TryAddSingleton<IAudioControl, ProcAsoundAudio>();
        services.TryAddSingleton<ILedControl, LoggingLeds>();
        services.TryAddSingleton<ICapabilitiesProvider, ProcCpuInfoCapabilities>();
        services.TryAddSingleton<IModelActivator, FileCheckingModelActivator>();
        services.TryAddSingleton<IKnowledgeIndexer, CountingIndexer>();
    }
}
