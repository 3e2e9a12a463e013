using Microsoft.Extensions.Hosting;

namespace Appliance.Avatar.Hub;

/// <summary>
/// Host lifetime for a server embedded in a CLI verb: the verb owns Ctrl-C/SIGTERM. The default console
/// lifetime would swallow SIGTERM (waiting for a Run() that never comes), so `systemctl stop` would hang.
/// </summary>
internal sealed class EmbeddedLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
