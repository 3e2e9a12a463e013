using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;

namespace Appliance.Service.Tests.Support;

/// <summary>
/// The real `appliance run` as a child process on free loopback ports, with a notify socket and its
/// console output captured. <see cref="StopAsync"/> stops it the way systemd does (SIGTERM, then a kill
/// after 10 s); disposing does the same if the test did not.
/// </summary>
public sealed partial class ApplianceProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private ApplianceProcess(Process process, int adminPort, int kioskPort)
    {
        _process = process;
        AdminPort = adminPort;
        KioskPort = kioskPort;
    }

    public int AdminPort { get; }

    public int KioskPort { get; }

    /// <param name="arguments">After `run --state-dir … --config-dir … --admin-port … --kiosk-port …`.</param>
    public static ApplianceProcess Start(
        string stateDir, string configDir, NotifyListener listener, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var (adminPort, kioskPort) = (FreePort(), FreePort());
        var info = new ProcessStartInfo(Repo.ApplianceExecutable) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "run", "--state-dir", stateDir, "--config-dir", configDir, "--admin-port", adminPort.ToString(), "--kiosk-port", kioskPort.ToString() }.Concat(arguments))
        {
            info.ArgumentList.Add(a);
        }
        info.Environment["NOTIFY_SOCKET"] = listener.Address;
        info.Environment.Remove("WATCHDOG_USEC");
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }
        var app = new ApplianceProcess(Process.Start(info)!, adminPort, kioskPort);
        app._process.OutputDataReceived += (_, e) => app.Append(e.Data);
        app._process.ErrorDataReceived += (_, e) => app.Append(e.Data);
        app._process.BeginOutputReadLine();
        app._process.BeginErrorReadLine();
        return app;
    }

    /// <summary>Everything the process printed so far (stdout and stderr).</summary>
    public string Output()
    {
        lock (_output)
        {
            return _output.ToString();
        }
    }

    /// <summary>The first admin token, printed once on first start.</summary>
    public string AdminToken() => Token().Match(Output()).Value;

    public async Task StopAsync()
    {
        if (!_process.HasExited)
        {
            using var kill = Process.Start("kill", $"-TERM {_process.Id}");
            await kill.WaitForExitAsync();
            if (!_process.WaitForExit(10_000))
            {
                _process.Kill(entireProcessTree: true);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _process.Dispose();
    }

    private void Append(string? line)
    {
        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    private static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }

    [GeneratedRegex("apl_[0-9a-f]{12}_[0-9a-f]{48}")]
    private static partial Regex Token();
}
