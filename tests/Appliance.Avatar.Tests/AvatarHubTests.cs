using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using Appliance.Avatar.Hub;
using Appliance.Avatar.Pipeline;
using Appliance.Avatar.Timeline;
using Appliance.Core.Audio;
using Appliance.Core.Speech;
using Appliance.Pipeline;
using Appliance.Pipeline.Events;
using Appliance.TestSupport;

namespace Appliance.Avatar.Tests;

/// <summary>Round trips through a real Kestrel on loopback.</summary>
public class AvatarHubTests
{
    private static async Task<ClientWebSocket> ConnectAsync(AvatarServer server)
    {
        var ws = new ClientWebSocket();
        var uri = new UriBuilder(server.Address) { Scheme = "ws", Path = AvatarEndpoints.SocketPath }.Uri;
        await ws.ConnectAsync(uri, CancellationToken.None);
        return ws;
    }


    private static Task SendAsync(ClientWebSocket ws, object message) =>
        ws.SendAsync(Encoding.UTF8.GetBytes(System.Text.Json.JsonSerializer.Serialize(message)), WebSocketMessageType.Text, true, CancellationToken.None);

    [Fact]
    public async Task ServesThePageAndItsAssetsAndNothingElse()
    {
        await using var server = await AvatarServer.StartAsync(0);
        using var http = new HttpClient { BaseAddress = server.Address };
        var page = await http.GetStringAsync("/kiosk");
        Assert.Contains("/avatar/kiosk.js", page, StringComparison.Ordinal);
        Assert.DoesNotContain("http://", page.Replace("http://www.w3.org", "", StringComparison.Ordinal), StringComparison.Ordinal); // nothing from a CDN
        var svg = await http.GetStringAsync("/avatar/avatar.svg");
        foreach (var id in new[] { "head", "mouth", "eyeL", "eyeR", "browL", "browR", "armL", "armR", "heart" })
        {
            Assert.Contains($"id=\"{id}\"", svg, StringComparison.Ordinal);
        }
        Assert.NotNull(JsonNode.Parse(await http.GetStringAsync("/avatar/rig.json"))!["visemes"]);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/avatar/nothing.js")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/avatar/..%2FAppliance.Avatar.dll")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await http.GetAsync(AvatarEndpoints.SocketPath)).StatusCode);
    }

    [Fact]
    public async Task OperatorOverrideReplacesTheRig()
    {
        var dir = Directory.CreateTempSubdirectory("avatar-override-").FullName;
        try
        {
            await File.WriteAllTextAsync(Path.Combine(dir, "rig.json"), "{\"visemes\":{\"Rest\":{}},\"custom\":true}");
            await using var server = await AvatarServer.StartAsync(0, dir);
            using var http = new HttpClient { BaseAddress = server.Address };
            Assert.True((bool)JsonNode.Parse(await http.GetStringAsync("/avatar/rig.json"))!["custom"]!);
            Assert.Contains("<svg", await http.GetStringAsync("/avatar/avatar.svg"), StringComparison.Ordinal); // built-in fallback
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Fact]
    public async Task PingPongAndCueBroadcastAndReconnectSnapshot()
    {
        await using var server = await AvatarServer.StartAsync(0);
        using (var ws = await ConnectAsync(server))
        {
            var hello = await WebSocketMessages.ReceiveAsync(ws, "hello");
            Assert.Equal("idle", (string?)hello["state"]);

            var c0 = 12.5;
            await SendAsync(ws, new { type = "ping", c0 });
            var pong = await WebSocketMessages.ReceiveAsync(ws, "pong");
            Assert.Equal(c0, (double)pong["c0"]!);
            Assert.True((double)pong["s2"]! >= (double)pong["s1"]!);
            Assert.InRange((double)pong["s1"]!, 0, server.Hub.Clock.NowMs);

            var now = server.Hub.Clock.NowMs;
            await server.Hub.SetStateAsync("speaking");
            Assert.Equal("speaking", (string?)(await WebSocketMessages.ReceiveAsync(ws, "state"))["value"]);
            await server.Hub.PlayAsync([new AvatarCue(now + 60_000, "viseme", "AA"), new AvatarCue(now + 60_100, "expression", "happy")]);
            var cues = (await WebSocketMessages.ReceiveAsync(ws, "cues"))["cues"]!.AsArray();
            Assert.Equal(2, cues.Count);
            Assert.Equal("AA", (string?)cues[0]!["value"]);

            var applied = new TaskCompletionSource<AppliedCue>();
            server.Hub.Applied += a => applied.TrySetResult(a);
            await SendAsync(ws, new { type = "applied", kind = "viseme", value = "AA", scheduled = now + 60_000, applied = now + 60_004 });
            var a = await applied.Task.WaitAsync(TimeSpan.FromSeconds(30));
            Assert.Equal(4, a.Applied - a.Scheduled, 6);
            await ws.SendAsync(Encoding.UTF8.GetBytes("not json {"), WebSocketMessageType.Text, true, CancellationToken.None); // ignored
            await SendAsync(ws, "a JSON string, not an object"); // ignored
            await SendAsync(ws, new { type = 42 }); // ignored; the connection stays
            await SendAsync(ws, new { type = "ping", c0 = 1 });
            await WebSocketMessages.ReceiveAsync(ws, "pong");
            await ws.CloseAsync(WebSocketCloseStatus.NormalClosure, "reload", CancellationToken.None);
        }

        // A page that reconnects gets the state and the cues still to come.
        using var again = await ConnectAsync(server);
        var snapshot = await WebSocketMessages.ReceiveAsync(again, "hello");
        Assert.Equal("speaking", (string?)snapshot["state"]);
        Assert.Equal("happy", (string?)snapshot["expression"]);
        Assert.Equal(2, snapshot["cues"]!.AsArray().Count);

        await server.Hub.StopAsync(server.Hub.Clock.NowMs);
        await WebSocketMessages.ReceiveAsync(again, "stop");
        using var third = await ConnectAsync(server);
        Assert.Empty((await WebSocketMessages.ReceiveAsync(third, "hello"))["cues"]!.AsArray());
    }

    [Fact]
    public async Task PipelineEventsBecomeTimedCues()
    {
        await using var server = await AvatarServer.StartAsync(0);
        var events = new PipelineEventHub();
        var playedAt = server.Hub.Clock.Time.GetTimestamp();
        var playback = new PlaybackClock(server.Hub.Clock, () => new PlaybackPosition(16000, playedAt), 16000);
        var bridge = new AvatarPipelineBridge(events, server.Hub, playback);
        using var stop = new CancellationTokenSource();
        var run = bridge.RunAsync(stop.Token);
        using var ws = await ConnectAsync(server);
        await WebSocketMessages.ReceiveAsync(ws, "hello");
        var baseMs = server.Hub.Clock.ToMs(playedAt);

        events.Publish(new StateChanged(0, 1, ConversationState.Listening, ConversationState.Speaking, "reply"));
        Assert.Equal("speaking", (string?)(await WebSocketMessages.ReceiveAsync(ws, "state"))["value"]);
        events.Publish(new PhonemeCue(0, 1, "'aI", 24000));
        var cue = (await WebSocketMessages.ReceiveAsync(ws, "cues"))["cues"]![0]!;
        Assert.Equal("AA", (string?)cue["value"]);
        Assert.Equal(baseMs + 500, (double)cue["t"]!, 3); // frame 24000 plays 8000 frames (500 ms) after frame 16000
        // "p" then "l": the closure at its mark, the opening 40 ms before the "l" mark (the burst).
        events.Publish(new PhonemeCue(0, 1, "p", 25600));
        var (closure, closureAt) = Value(await WebSocketMessages.ReceiveAsync(ws, "cues"));
        Assert.Equal("MBP", closure);
        Assert.Equal(baseMs + 600, closureAt, 3);
        events.Publish(new PhonemeCue(0, 1, "l", 27200));
        var (opening, openingAt) = Value(await WebSocketMessages.ReceiveAsync(ws, "cues"));
        Assert.Equal("DST", opening);
        Assert.Equal(baseMs + 700 - BilabialRelease.AspiratedMs, openingAt, 3);
        events.Publish(new GestureCue(0, 1, "wave", 32000));
        Assert.Equal("wave", (string?)(await WebSocketMessages.ReceiveAsync(ws, "cues"))["cues"]![0]!["value"]);
        events.Publish(new EmotionCue(0, 1, Emotion.Surprised, 32000));
        Assert.Equal("surprised", (string?)(await WebSocketMessages.ReceiveAsync(ws, "cues"))["cues"]![0]!["value"]);
        events.Publish(new DirectionOfArrival(0, 1, 30));
        Assert.Equal(30, (double)(await WebSocketMessages.ReceiveAsync(ws, "gaze"))["degrees"]!);
        events.Publish(new BargeIn(0, 1, 20000));
        Assert.Equal(baseMs + 250, (double)(await WebSocketMessages.ReceiveAsync(ws, "stop"))["at"]!, 3);

        await stop.CancelAsync();
        await run;
    }

    private static (string?, double) Value(JsonNode message)
    {
        var cue = message["cues"]![0]!;
        return ((string?)cue["value"], (double)cue["t"]!);
    }
}
