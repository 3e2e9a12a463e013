using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using Appliance.Avatar.Hub;
using Appliance.Avatar.Measurement;
using Appliance.TestSupport;

namespace Appliance.Avatar.Tests;

/// <summary>The "updating…" overlay a provisioning apply puts on the kiosk page.</summary>
public class UpdatingOverlayTests
{
    [Fact]
    public async Task A_page_connecting_during_an_update_gets_it_in_its_snapshot_and_later_changes_live()
    {
        await using var server = await AvatarServer.StartAsync(0);
        await server.Hub.SetUpdatingAsync(new UpdatingNotice("copying models 42 %", 0.38, Final: false, Failed: false));
        using var ws = new ClientWebSocket();
        await ws.ConnectAsync(new UriBuilder(server.Address) { Scheme = "ws", Path = AvatarEndpoints.SocketPath }.Uri, CancellationToken.None);
        var hello = await WebSocketMessages.ReceiveAsync(ws, "hello");
        Assert.Equal("copying models 42 %", (string?)hello["updating"]!["label"]);
        Assert.Equal(0.38, (double)hello["updating"]!["progress"]!, 3);

        await server.Hub.SetUpdatingAsync(new UpdatingNotice("update complete", 1, Final: true, Failed: false));
        var done = await WebSocketMessages.ReceiveAsync(ws, "updating");
        Assert.True((bool)done["value"]!["final"]!);
        await server.Hub.SetUpdatingAsync(null);
        Assert.Null((await WebSocketMessages.ReceiveAsync(ws, "updating"))["value"]);
    }

    [Fact]
    public async Task The_page_shows_the_overlay_with_progress_and_hides_it_again()
    {
        await using var server = await AvatarServer.StartAsync(0);
        await using var chromium = await HeadlessChromium.StartAsync(600, 800);
        await chromium.NavigateAsync(new Uri(server.PageUri, "?still"), "document.body.dataset.ready === '1'");
        var plain = PngPixels.Decode(await chromium.ScreenshotAsync());
        Assert.Equal("hidden", (string?)await chromium.EvaluateAsync("document.getElementById('updating').className"));

        // Through the real WebSocket, as the service sends it while `appliance provision` copies.
        await server.Hub.SetUpdatingAsync(new UpdatingNotice("copying models 42 %", 0.42, Final: false, Failed: false));
        await WaitForAsync(chromium, "document.getElementById('updating').dataset.progress === '42' && !document.getElementById('updating').classList.contains('hidden')");
        Assert.Equal("copying models 42 %", (string?)await chromium.EvaluateAsync("document.getElementById('updatingDetail').textContent"));
        Assert.Equal("Updating…", (string?)await chromium.EvaluateAsync("document.getElementById('updatingTitle').textContent"));
        await WaitForAsync(chromium, "getComputedStyle(document.getElementById('updating')).opacity === '1'"); // faded in
        var png = await chromium.ScreenshotAsync();
        await File.WriteAllBytesAsync(Path.Combine(RepoPaths.Artifacts("avatar"), "updating.png"), png);
        var fraction = PngPixels.Decode(png).DifferentFraction(plain);
        Assert.True(fraction > 0.05, $"the overlay changed only {fraction:P2} of the pixels");

        await server.Hub.SetUpdatingAsync(new UpdatingNotice("update complete", 1, Final: true, Failed: false));
        await WaitForAsync(chromium, "document.getElementById('updating').classList.contains('done')");
        await server.Hub.SetUpdatingAsync(null);
        await WaitForAsync(chromium, "document.getElementById('updating').classList.contains('hidden')");
    }

    private static async Task WaitForAsync(HeadlessChromium chromium, string condition)
    {
        for (var i = 0; i < 300; i++)
        {
            if ((bool?)await chromium.EvaluateAsync(condition) == true)
            {
                return;
            }
            await Task.Delay(50);
        }
        Assert.Fail($"the page never satisfied: {condition}");
    }

}
