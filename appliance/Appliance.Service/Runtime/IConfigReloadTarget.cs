using Appliance.Service.Configuration;

namespace Appliance.Service.Runtime;

/// <summary>
/// Anything that applies configuration at run time. Implementations must keep the audio device open
/// (a reload changes persona, thresholds, models — never drops the microphone).
/// </summary>
public interface IConfigReloadTarget
{
    Task ApplyAsync(ApplianceConfig config, CancellationToken cancellationToken);
}
