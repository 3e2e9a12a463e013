using Appliance.Avatar.Hub;
using Appliance.Service.Runtime;
using Microsoft.Extensions.DependencyInjection;

namespace Appliance.Host.Runtime;

/// <summary>
/// `run`'s configureRuntime: the real pipeline replaces the standby implementations (status, heartbeat,
/// turns, lifecycle, say, reload, audio control, knowledge re-index), the CPU driver answers capabilities,
/// plus the avatar hub. LEDs/GPIO are registered by their own feature.
/// </summary>
internal static class LiveRuntime
{
    public static void Register(IServiceCollection services, LivePipelineOptions options)
    {
        services.AddAvatar();
        services.AddSingleton(options);
        services.AddSingleton<LivePipeline>();
        services.AddSingleton<IPipelineStatus>(sp => sp.GetRequiredService<LivePipeline>());
        services.AddSingleton<IPipelineHeartbeat>(sp => sp.GetRequiredService<LivePipeline>());
        services.AddSingleton<ITurnTraceSource>(sp => sp.GetRequiredService<LivePipeline>());
        services.AddSingleton<IPipelineLifecycle>(sp => sp.GetRequiredService<LivePipeline>());
        services.AddSingleton<ISpeechOutput>(sp => sp.GetRequiredService<LivePipeline>());
        services.AddSingleton<IConfigReloadTarget>(sp => sp.GetRequiredService<LivePipeline>());
        services.AddSingleton<IKnowledgeIndexer>(sp => sp.GetRequiredService<LivePipeline>());
        services.AddSingleton<IAudioControl>(sp => sp.GetRequiredService<LivePipeline>());
        services.AddSingleton<ICapabilitiesProvider, DriverCapabilities>();
    }
}
