namespace Appliance.Service.Runtime;

/// <summary>What the systemd watchdog watches: WATCHDOG=1 is only sent while this moves and is healthy.</summary>
public interface IPipelineHeartbeat
{
    HeartbeatReading Read();
}
