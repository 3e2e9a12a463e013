using Appliance.Service.Hosting;
using Appliance.Service.Security;
using Appliance.Service.Systemd;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Appliance.Service.Tests.Support;

/// <summary>
/// The service as `run` starts it — Generic Host, real Kestrel on loopback (ports chosen by the OS),
/// real sd_notify socket — with the pipeline parts faked. A background loop beats the fake pipeline's
/// heartbeat like an audio loop would.
/// </summary>
public sealed class RealHost : IAsyncDisposable
{
    private readonly CancellationTokenSource _beating = new();

    private RealHost(IHost host, ServiceOptions options, FakePipeline pipeline, FakeDevices devices)
    {
        Host = host;
        Options = options;
        Pipeline = pipeline;
        Devices = devices;
    }

    public IHost Host { get; }

    public ServiceOptions Options { get; }

    public FakePipeline Pipeline { get; }

    public FakeDevices Devices { get; }

    public IServiceProvider Services => Host.Services;

    public Uri AdminUri { get; private set; } = null!;

    public Uri KioskUri { get; private set; } = null!;

    public static async Task<RealHost> StartAsync(string stateDir, string configDir, string? notifySocket = null,
        TimeSpan? watchdog = null, FakePipeline? pipeline = null, TextWriter? banner = null)
    {
        var options = new ServiceOptions
        {
            StateDir = stateDir,
            ConfigDir = configDir,
            AdminPort = 0,
            KioskPort = 0,
            NotifySocket = notifySocket,
            Watchdog = watchdog is { } w ? new WatchdogSettings(w) : null,
            TokenHashIterations = 1000,
            TokenBannerWriter = banner ?? TextWriter.Null,
        };
        pipeline ??= new FakePipeline();
        var devices = new FakeDevices();
        var host = ApplianceHost.CreateHostBuilder(options, services =>
        {
            ServiceFactory.RegisterFakes(services, pipeline, devices, new SystemdNotifier(notifySocket));
        }).Build();
        var real = new RealHost(host, options, pipeline, devices);
        _ = Task.Run(async () =>
        {
            while (!real._beating.IsCancellationRequested)
            {
                pipeline.Beat();
                await Task.Delay(20);
            }
        });
        await host.StartAsync();
        var addresses = host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        real.AdminUri = new Uri(addresses.Single(a => a.StartsWith("https://", StringComparison.Ordinal)));
        real.KioskUri = new Uri(addresses.Single(a => a.StartsWith("http://", StringComparison.Ordinal)));
        return real;
    }

    public string TokenFor(string role) => Services.GetRequiredService<TokenStore>().Create(role, $"test {role}");

    /// <summary>An HTTPS client that accepts the device certificate only if it is the one given.</summary>
    public static HttpClient PinnedClient(Uri baseUri, Func<string, bool> acceptFingerprint, string? token = null)
    {
        var handler = new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, certificate, _, _) =>
                certificate is not null && acceptFingerprint(string.Join(':', certificate.GetCertHash(System.Security.Cryptography.HashAlgorithmName.SHA256).Select(b => b.ToString("X2")))),
        };
        var client = new HttpClient(handler) { BaseAddress = baseUri };
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        }
        return client;
    }

    public async Task StopAsync()
    {
        await Host.StopAsync();
        _beating.Cancel();
    }

    public async ValueTask DisposeAsync()
    {
        _beating.Cancel();
        try
        {
            await Host.StopAsync();
        }
        catch (OperationCanceledException)
        {
        }
        Host.Dispose();
    }
}
