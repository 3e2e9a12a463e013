using System.Collections.Concurrent;
using Appliance.Service.Systemd;

namespace Appliance.Service.Tests.Support;

/// <summary>Captures sd_notify messages in memory (the real socket path has its own tests).</summary>
public sealed class RecordingNotifier : ISystemdNotifier
{
    public readonly ConcurrentQueue<string> Messages = new();

    public bool IsEnabled => true;

    public void Notify(string state) => Messages.Enqueue(state);
}
