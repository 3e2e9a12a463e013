using Appliance.Service.Hosting;
using Appliance.Service.Runtime;
using Appliance.Service.Security;
using Appliance.Service.Systemd;
using Appliance.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Appliance.Service.Tests.Support;

/// <summary>
/// WebApplicationFactory over the real service host (same registrations and middleware as `run`),
/// with the test server instead of Kestrel, temp state/config dirs and fakes for the pipeline parts.
/// The entry point type is this test assembly's (the service is a library).
/// </summary>
public sealed class ServiceFactory : WebApplicationFactory<ServiceFactory>
{
    private readonly TempDir _dir = new();

    public ServiceFactory(Action<ServiceOptions>? configure = null)
    {
        Options = new ServiceOptions
        {
            StateDir = _dir.Sub("state"),
            ConfigDir = _dir.Sub("config"),
            UseKestrel = false,
            NotifySocket = null,
            Watchdog = null,
            TokenHashIterations = 1000,
            TokenBannerWriter = TextWriter.Null,
        };
        configure?.Invoke(Options);
    }

    public ServiceOptions Options { get; }

    public FakePipeline Pipeline { get; } = new();

    public FakeDevices Devices { get; } = new();

    public RecordingNotifier Notifier { get; } = new();

    public string TokenFor(string role) => Services.GetRequiredService<TokenStore>().Create(role, $"test {role}");

    public HttpClient ClientFor(string? role)
    {
        var client = CreateClient();
        if (role is not null)
        {
            client.DefaultRequestHeaders.Authorization = new("Bearer", TokenFor(role));
        }
        return client;
    }

    protected override IHostBuilder CreateHostBuilder()
        => ApplianceHost.CreateHostBuilder(Options, services => RegisterFakes(services, Pipeline, Devices, Notifier));

    // The factory guesses a solution-relative content root for the entry assembly; the service needs
    // none (the dashboard is embedded), so point it at the test output.
    protected override void ConfigureWebHost(IWebHostBuilder builder) => builder.UseContentRoot(AppContext.BaseDirectory);

    public static void RegisterFakes(IServiceCollection services, FakePipeline pipeline, FakeDevices devices, ISystemdNotifier notifier)
    {
        services.AddSingleton<IPipelineStatus>(pipeline);
        services.AddSingleton<IPipelineHeartbeat>(pipeline);
        services.AddSingleton<ITurnTraceSource>(pipeline);
        services.AddSingleton<IPipelineLifecycle>(pipeline);
        services.AddSingleton<ISpeechOutput>(pipeline);
        services.AddSingleton<IConfigReloadTarget>(pipeline);
        services.AddSingleton<IRuntimeConfigCheck>(pipeline);
        services.AddSingleton<IAudioControl>(devices);
        services.AddSingleton<ILedControl>(devices);
        services.AddSingleton<IModelActivator>(devices);
        services.AddSingleton(notifier);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _dir.Dispose();
        }
    }
}
