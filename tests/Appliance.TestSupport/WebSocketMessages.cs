using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;

namespace Appliance.TestSupport;

/// <summary>Reading the avatar hub's JSON messages ({"type": …}) from a client WebSocket in tests.</summary>
public static class WebSocketMessages
{
    /// <summary>The next message of <paramref name="type"/> (others are skipped); fails after 30 s or when the server closes.</summary>
    public static async Task<JsonNode> ReceiveAsync(ClientWebSocket ws, string type)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var buffer = new byte[65536];
        while (true)
        {
            var r = await ws.ReceiveAsync(buffer, timeout.Token);
            if (r.MessageType != WebSocketMessageType.Text)
            {
                throw new InvalidOperationException($"server closed the socket while waiting for '{type}'");
            }
            var node = JsonNode.Parse(Encoding.UTF8.GetString(buffer, 0, r.Count))!;
            if ((string?)node["type"] == type)
            {
                return node;
            }
        }
    }
}
