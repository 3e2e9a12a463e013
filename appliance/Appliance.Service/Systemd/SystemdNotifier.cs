using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Logging;

namespace Appliance.Service.Systemd;

/// <summary>
/// sd_notify(3) written out: one datagram per message to $NOTIFY_SOCKET, a filesystem path or an
/// abstract name ('@' → leading NUL). A no-op when the variable is unset (not under systemd).
/// Send failures are logged, never thrown: losing a STATUS line must not stop the service.
/// </summary>
public sealed class SystemdNotifier : ISystemdNotifier, IDisposable
{
    private readonly ILogger<SystemdNotifier>? _logger;
    private readonly UnixDomainSocketEndPoint? _endpoint;
    private readonly Socket? _socket;
    private readonly Lock _gate = new();

    public SystemdNotifier(string? notifySocket, ILogger<SystemdNotifier>? logger = null)
    {
        _logger = logger;
        if (string.IsNullOrEmpty(notifySocket))
        {
            return;
        }
        var address = notifySocket[0] == '@' ? "\0" + notifySocket[1..] : notifySocket;
        _endpoint = new UnixDomainSocketEndPoint(address);
        _socket = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
    }

    /// <summary>Reads $NOTIFY_SOCKET.</summary>
    public static SystemdNotifier FromEnvironment(ILogger<SystemdNotifier>? logger = null)
        => new(Environment.GetEnvironmentVariable("NOTIFY_SOCKET"), logger);

    public bool IsEnabled => _socket is not null;

    public void Notify(string state)
    {
        if (_socket is null)
        {
            return;
        }
        try
        {
            lock (_gate)
            {
                _socket.SendTo(Encoding.UTF8.GetBytes(state), _endpoint!);
            }
        }
        catch (SocketException e)
        {
            _logger?.LogWarning("sd_notify failed ({Error}): {State}", e.SocketErrorCode, state.Replace('\n', ' '));
        }
    }

    public void Dispose() => _socket?.Dispose();
}
