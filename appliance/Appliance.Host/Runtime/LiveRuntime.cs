using Appliance.Avatar.Hub;
using Appliance.Devices;
using Appliance.Provisioning.Progress;
using Appliance.Service.Runtime;
using Microsoft.Extensions.DependencyInjection;

namespace Appliance.Host.Runtime;

/// <summary>
/// `run`'s configureRuntime: the real pipeline replaces the standby implementations (status, heartbeat,
/// turns, lifecycle, say, reload, audio control, knowledge re-index), the CPU driver answers capabilities,
/// plus the avatar hub and the devices (LED ring, GPIO, provisioning progress).
/// </summary>
internal static class LiveRuntime
{
    /// <param name="devices">LED ring and GPIO lines of the active provisioned configuration.</param>
    public static void Register(IServiceCollection services, LivePipelineOptions options, DeviceSettings devices)
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
        services.AddSingleton<IRuntimeConfigCheck>(sp => sp.GetRequiredService<LivePipeline>()); // the TTS voice exists
        services.AddSingleton<IKnowledgeIndexer>(sp => sp.GetRequiredService<LivePipeline>());
        services.AddSingleton<IAudioControl>(sp => sp.GetRequiredService<LivePipeline>());
        services.AddSingleton<ICapabilitiesProvider, DriverCapabilities>();
        // Registered before the service's own hosted services, so they stop after the pipeline: the ring goes dark last.
        services.AddSingleton<IConversationControl>(sp => sp.GetRequiredService<LivePipeline>());
        services.AddDevices(devices, ProvisioningStatusFile.ConfiguredPath);
        services.AddHostedService<UpdatingOverlay>();
    }
}
