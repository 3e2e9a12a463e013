using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Appliance.Avatar.Hub;

/// <summary>
/// A standalone Kestrel serving only the avatar on loopback (CLI `avatar serve`, the benchmark and
/// tests). The service host instead calls AddAvatar/MapAvatar on its own WebApplication.
/// </summary>
public sealed class AvatarServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private AvatarServer(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
        Hub = app.Services.GetRequiredService<AvatarHub>();
    }

    public Uri Address { get; }

    public AvatarHub Hub { get; }

    public Uri PageUri => new(Address, AvatarEndpoints.PagePath);

    /// <param name="port">TCP port on 127.0.0.1; 0 picks a free one.</param>
    public static async Task<AvatarServer> StartAsync(int port, string? assetOverrideDirectory = null, CancellationToken ct = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Services.AddAvatar(assetOverrideDirectory);
        builder.Services.AddSingleton<IHostLifetime, EmbeddedLifetime>();
        var app = builder.Build();
        app.MapAvatar();
        try
        {
            await app.StartAsync(ct).ConfigureAwait(false);
        }
        catch (IOException e)
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw new InvalidOperationException($"cannot listen on 127.0.0.1:{port}: {e.Message}", e);
        }
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new AvatarServer(app, new Uri(address));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
