using Appliance.Avatar.Sync;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Appliance.Avatar.Hub;

/// <summary>`services.AddAvatar()` + `app.MapAvatar()`: the kiosk page, its assets and the WebSocket.</summary>
public static class AvatarEndpoints
{
    public const string PagePath = "/kiosk";
    public const string SocketPath = "/avatar/ws";

    /// <summary>Registers the hub on the monotonic system clock and the asset store (optional override folder).</summary>
    public static IServiceCollection AddAvatar(this IServiceCollection services, string? assetOverrideDirectory = null)
    {
        services.TryAddSingleton(AvatarClock.System);
        services.TryAddSingleton(sp => new AvatarHub(sp.GetRequiredService<AvatarClock>()));
        services.TryAddSingleton(new AvatarAssets(assetOverrideDirectory));
        return services;
    }

    /// <summary>
    /// GET /kiosk (the page), GET /avatar/{asset}, and the WebSocket at /avatar/ws. On a WebApplication
    /// this also enables the WebSocket middleware; other hosts must call UseWebSockets() themselves.
    /// </summary>
    public static IEndpointRouteBuilder MapAvatar(this IEndpointRouteBuilder endpoints)
    {
        if (endpoints is IApplicationBuilder app)
        {
            app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(5) });
        }
        endpoints.MapGet(PagePath, (AvatarAssets assets) => Serve(assets, "kiosk.html"));
        endpoints.MapGet("/avatar/{name}", (string name, AvatarAssets assets) => Serve(assets, name));
        endpoints.Map(SocketPath, async (HttpContext context, AvatarHub hub) =>
        {
            if (!context.WebSockets.IsWebSocketRequest)
            {
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                await context.Response.WriteAsync("WebSocket only").ConfigureAwait(false);
                return;
            }
            using var socket = await context.WebSockets.AcceptWebSocketAsync().ConfigureAwait(false);
            await hub.HandleAsync(socket, context.RequestAborted).ConfigureAwait(false);
        });
        return endpoints;
    }

    private static IResult Serve(AvatarAssets assets, string name)
    {
        var asset = assets.Get(name);
        return asset is { } a
            ? Results.Bytes(a.Bytes, a.ContentType)
            : Results.NotFound();
    }
}
