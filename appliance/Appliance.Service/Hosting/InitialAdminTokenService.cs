using Appliance.Core.IO;
using Appliance.Service.Security;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Appliance.Service.Hosting;

/// <summary>
/// First start: adopt the provisioned admin token, or create one and print it exactly once (only its
/// hash is kept, so it can never be shown again). Also creates the device certificate early so its
/// fingerprint is in the log.
/// </summary>
public sealed class InitialAdminTokenService(
    TokenStore tokens,
    DeviceCertificate certificate,
    ServiceOptions options,
    ServiceClock clock,
    ILogger<InitialAdminTokenService> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        // Resolving the clock here makes uptime count from start, not from the first status request.
        _ = clock.StartedAt;
        var token = tokens.EnsureInitialAdmin();
        if (token is not null)
        {
            var writer = options.TokenBannerWriter ?? Console.Out;
            writer.WriteLine("==================================================================");
            writer.WriteLine("First start: admin API token (shown once, only its hash is stored):");
            writer.WriteLine($"  {token}");
            writer.WriteLine("==================================================================");
            writer.Flush();
            logger.LogWarning("Created the first admin token (printed once on the console)");
        }
        logger.LogInformation("Device certificate SHA-256 fingerprint {Fingerprint}", certificate.Fingerprint);
        // Plain-text copy for the provisioning report (it runs as root and copies this to the stick).
        AtomicFile.WriteAllText(Path.Combine(options.StateDir, "device-certificate.sha256"), certificate.Fingerprint + "\n");
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
