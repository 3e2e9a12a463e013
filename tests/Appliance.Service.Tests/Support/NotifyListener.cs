using System.Collections.Concurrent;
using System.Net.Sockets;
using System.Text;

namespace Appliance.Service.Tests.Support;

/// <summary>
/// What systemd does on its side of sd_notify: a real AF_UNIX datagram socket (a path, or an abstract
/// name when the name starts with '@') that collects every message.
/// </summary>
public sealed class NotifyListener : IDisposable
{
    private readonly Socket _socket = new(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
    private readonly CancellationTokenSource _stop = new();
    private readonly BlockingCollection<string> _messages = new();

    public NotifyListener(string address)
    {
        Address = address;
        _socket.Bind(new UnixDomainSocketEndPoint(address.StartsWith('@') ? "\0" + address[1..] : address));
        _ = Task.Run(ReceiveLoop);
    }

    /// <summary>The value for $NOTIFY_SOCKET.</summary>
    public string Address { get; }

    public List<string> All { get; } = [];

    /// <summary>Waits for a message matching the predicate (earlier ones are consumed).</summary>
    public string WaitFor(Func<string, bool> predicate, int timeoutMs = 20_000)
    {
        var deadline = Environment.TickCount64 + timeoutMs;
        while (true)
        {
            var left = (int)Math.Max(0, deadline - Environment.TickCount64);
            if (!_messages.TryTake(out var message, left))
            {
                throw new TimeoutException($"no matching sd_notify message; got: {string.Join(" | ", All.Select(m => m.Replace('\n', ' ')))}");
            }
            if (predicate(message))
            {
                return message;
            }
        }
    }

    /// <summary>Takes every message that arrives within the window.</summary>
    public List<string> Collect(int windowMs)
    {
        var list = new List<string>();
        var deadline = Environment.TickCount64 + windowMs;
        while (_messages.TryTake(out var message, (int)Math.Max(0, deadline - Environment.TickCount64)))
        {
            list.Add(message);
        }
        return list;
    }

    private async Task ReceiveLoop()
    {
        var buffer = new byte[4096];
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var n = await _socket.ReceiveAsync(buffer, SocketFlags.None, _stop.Token);
                var text = Encoding.UTF8.GetString(buffer, 0, n);
                lock (All)
                {
                    All.Add(text);
                }
                _messages.Add(text);
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (ObjectDisposedException)
        {
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _socket.Dispose();
        if (!Address.StartsWith('@') && File.Exists(Address))
        {
            File.Delete(Address);
        }
    }
}
