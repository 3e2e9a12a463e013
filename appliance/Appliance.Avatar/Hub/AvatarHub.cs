using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Appliance.Avatar.Sync;
using Appliance.Avatar.Timeline;

namespace Appliance.Avatar.Hub;

/// <summary>
/// Fans avatar commands out to every connected kiosk page and answers their clock pings. Keeps the
/// current state, expression, gaze and the not-yet-played cues so a page that (re)connects mid-sentence
/// picks up exactly where the others are — reconnects are invisible to the visitor.
/// </summary>
public sealed class AvatarHub
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly ConcurrentDictionary<int, Client> _clients = new();
    private readonly Lock _gate = new();
    private readonly List<AvatarCue> _pending = [];
    private string _state = "idle";
    private string _expression = "neutral";
    private double _gaze;
    private readonly AvatarClock clock;
    private UpdatingNotice? _updating;
    private int _nextId;

    public AvatarHub(AvatarClock clock)
    {
        this.clock = clock;
        WarmUp();
    }

    public AvatarClock Clock => clock;

    public int ClientCount => _clients.Count;

    /// <summary>Raised for every cue a page reports as drawn (used by `bench lipsync`).</summary>
    public event Action<AppliedCue>? Applied;

    /// <summary>Raised when a page connects (after its snapshot was sent).</summary>
    public event Action? Connected;

    /// <summary>Idle, listening, thinking or speaking: selects the pose.</summary>
    public Task SetStateAsync(string state)
    {
        lock (_gate)
        {
            _state = state;
        }
        return BroadcastAsync(StateMessage(state));
    }

    /// <summary>Direction of the talker in degrees (0 ahead, clockwise seen from above); eyes and head follow.</summary>
    public Task SetGazeAsync(double degrees)
    {
        lock (_gate)
        {
            _gaze = degrees;
        }
        return BroadcastAsync(GazeMessage(degrees));
    }

    /// <summary>Shows (or, with null, hides) the "updating…" overlay of a provisioning apply.</summary>
    public Task SetUpdatingAsync(UpdatingNotice? notice)
    {
        lock (_gate)
        {
            _updating = notice;
        }
        return BroadcastAsync(Serialize(new { type = "updating", value = notice }));
    }

    /// <summary>Schedules cues (server times); the page applies each when its time comes.</summary>
    public Task PlayAsync(IReadOnlyList<AvatarCue> cues)
    {
        lock (_gate)
        {
            var now = clock.NowMs;
            _pending.RemoveAll(c => c.T < now - 1000);
            _pending.AddRange(cues);
            foreach (var c in cues.Where(c => c.Kind == "expression"))
            {
                _expression = c.Value;
            }
        }
        return BroadcastAsync(CuesMessage(cues));
    }

    /// <summary>Barge-in: drop every cue after <paramref name="atMs"/> and close the mouth.</summary>
    public Task StopAsync(double atMs)
    {
        lock (_gate)
        {
            _pending.RemoveAll(c => c.T >= atMs);
        }
        return BroadcastAsync(StopMessage(atMs));
    }

    /// <summary>Serves one page until it disconnects.</summary>
    public async Task HandleAsync(WebSocket socket, CancellationToken ct)
    {
        var id = Interlocked.Increment(ref _nextId);
        var client = new Client(socket);
        _clients[id] = client;
        try
        {
            await SendSnapshotAsync(client, ct).ConfigureAwait(false);
            Connected?.Invoke();
            var buffer = new byte[8192];
            while (socket.State == WebSocketState.Open && !ct.IsCancellationRequested)
            {
                var received = await ReceiveTextAsync(socket, buffer, ct).ConfigureAwait(false);
                if (received is null)
                {
                    break;
                }
                var receiveMs = clock.NowMs;
                await OnMessageAsync(client, received, receiveMs, ct).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
            // The page went away (screen power cycle, Chromium restart): it will reconnect.
        }
        finally
        {
            _clients.TryRemove(id, out _);
            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                try
                {
                    await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None).ConfigureAwait(false);
                }
                catch (WebSocketException)
                {
                    // already gone
                }
            }
        }
    }

    private async Task OnMessageAsync(Client client, string text, double receiveMs, CancellationToken ct)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return; // a broken page must not take the hub down
        }
        if (node is not JsonObject message || message["type"] is not JsonValue type || !type.TryGetValue<string>(out var kind))
        {
            return;
        }
        switch (kind)
        {
            case "ping":
                var c0 = Number(message["c0"]) ?? 0;
                await client.SendAsync(PongMessage(c0, receiveMs, clock.NowMs), ct).ConfigureAwait(false);
                break;
            case "applied":
                Applied?.Invoke(new AppliedCue(
                    Text(message["kind"]) ?? "",
                    Text(message["value"]) ?? "",
                    Number(message["scheduled"]) ?? double.NaN,
                    Number(message["applied"]) ?? double.NaN,
                    Number(message["received"]) ?? double.NaN,
                    Number(message["run"]) ?? double.NaN,
                    Number(message["previous"]) ?? double.NaN));
                break;
        }
    }

    private static double? Number(JsonNode? node) => node is JsonValue v && v.TryGetValue<double>(out var d) ? d : null;

    private static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private Task SendSnapshotAsync(Client client, CancellationToken ct)
    {
        object snapshot;
        lock (_gate)
        {
            var now = clock.NowMs;
            // The shape currently showing plus everything still to come.
            var current = _pending.LastOrDefault(c => c.Kind == "viseme" && c.T <= now);
            var upcoming = _pending.Where(c => c.T > now).ToList();
            if (current is not null)
            {
                upcoming.Insert(0, current);
            }
            snapshot = new { type = "hello", now, state = _state, expression = _expression, gaze = _gaze, cues = upcoming, updating = _updating };
        }
        return client.SendAsync(Serialize(snapshot), ct);
    }

    private async Task BroadcastAsync(byte[] bytes)
    {
        foreach (var (_, client) in _clients)
        {
            try
            {
                await client.SendAsync(bytes, CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception e) when (e is WebSocketException or ObjectDisposedException or InvalidOperationException)
            {
                // Disconnected between the snapshot of the list and the send; its handler cleans up.
            }
        }
    }

    private static byte[] StateMessage(string state) => Serialize(new { type = "state", value = state });

    private static byte[] GazeMessage(double degrees) => Serialize(new { type = "gaze", degrees });

    private static byte[] CuesMessage(IReadOnlyList<AvatarCue> cues) => Serialize(new { type = "cues", cues });

    private static byte[] StopMessage(double atMs) => Serialize(new { type = "stop", at = atMs });

    private static byte[] PongMessage(double c0, double s1, double s2) => Serialize(new { type = "pong", c0, s1, s2 });

    /// <summary>
    /// Serialises every message shape once. System.Text.Json builds a type's converter on first use, which
    /// on a busy box took tens of ms: the first reply's first mouth cue reached the page after its sound.
    /// </summary>
    private static void WarmUp()
    {
        IReadOnlyList<AvatarCue> cues = [new AvatarCue(0, "viseme", "Rest"), new AvatarCue(0, "subtitle", "", 0)];
        StateMessage("idle");
        GazeMessage(0);
        CuesMessage(cues);
        StopMessage(0);
        PongMessage(0, 0, 0);
    }

    private static byte[] Serialize(object message) => JsonSerializer.SerializeToUtf8Bytes(message, Json);

    private static async Task<string?> ReceiveTextAsync(WebSocket socket, byte[] buffer, CancellationToken ct)
    {
        using var message = new MemoryStream();
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, ct).ConfigureAwait(false);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }
            message.Write(buffer, 0, result.Count);
            if (message.Length > 1 << 20)
            {
                throw new WebSocketException("message from the kiosk page larger than 1 MiB");
            }
            if (result.EndOfMessage)
            {
                return Encoding.UTF8.GetString(message.GetBuffer(), 0, (int)message.Length);
            }
        }
    }

    /// <summary>A page's socket; WebSocket allows one send at a time, so sends are serialised.</summary>
    private sealed class Client(WebSocket socket)
    {
        private readonly SemaphoreSlim _send = new(1, 1);

        public async Task SendAsync(byte[] bytes, CancellationToken ct)
        {
            await _send.WaitAsync(ct).ConfigureAwait(false);
            try
            {
                await socket.SendAsync(bytes, WebSocketMessageType.Text, true, ct).ConfigureAwait(false);
            }
            finally
            {
                _send.Release();
            }
        }
    }
}
