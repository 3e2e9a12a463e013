namespace Appliance.Service.Systemd;

/// <summary>The sd_notify seam: tests record messages, production sends datagrams.</summary>
public interface ISystemdNotifier
{
    /// <summary>True when started by systemd with a notify socket.</summary>
    bool IsEnabled { get; }

    /// <summary>Sends newline-separated KEY=VALUE assignments (e.g. "READY=1\nSTATUS=listening").</summary>
    void Notify(string state);
}
