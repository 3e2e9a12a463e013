using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;

namespace Appliance.Service.Hosting;

/// <summary>
/// The real `appliance run` as a child process on free loopback ports, its console output captured
/// (benchmarks and tests that need the whole service, not an in-process host). It runs without
/// systemd unless the caller passes a NOTIFY_SOCKET. <see cref="StopAsync"/> stops it the way
/// systemd does (SIGTERM, then a kill after the grace period); disposing does the same.
/// </summary>
public sealed partial class ApplianceRunProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly Action<string>? _onLine;

    private ApplianceRunProcess(Process process, int adminPort, int kioskPort, Action<string>? onLine)
    {
        _process = process;
        _onLine = onLine;
        AdminPort = adminPort;
        KioskPort = kioskPort;
    }

    public int AdminPort { get; }

    public int KioskPort { get; }

    /// <summary>The admin API (HTTPS with the device certificate).</summary>
    public Uri AdminUri => new($"https://127.0.0.1:{AdminPort}");

    /// <summary>The kiosk side (plain HTTP on loopback: /kiosk, /avatar/ws).</summary>
    public Uri KioskUri => new($"http://127.0.0.1:{KioskPort}");

    public int Pid => _process.Id;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>Starts `<paramref name="executable"/> run --state-dir … --config-dir … --admin-port … --kiosk-port …` followed by <paramref name="arguments"/>.</summary>
    /// <param name="executable">The program and any leading arguments (see <see cref="SelfStartInfo"/>); its ArgumentList is extended.</param>
    /// <param name="environment">Variables to set; a null value removes one. NOTIFY_SOCKET and WATCHDOG_USEC are removed unless set here.</param>
    /// <param name="onLine">Called with every line the process prints (stdout and stderr), on a thread-pool thread.</param>
    public static ApplianceRunProcess Start(
        ProcessStartInfo executable,
        string stateDir,
        string configDir,
        IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string?>? environment = null,
        Action<string>? onLine = null)
    {
        var (adminPort, kioskPort) = (FreePort(), FreePort());
        executable.UseShellExecute = false;
        executable.RedirectStandardOutput = true;
        executable.RedirectStandardError = true;
        foreach (var a in new[]
        {
            "run", "--state-dir", stateDir, "--config-dir", configDir,
            "--admin-port", adminPort.ToString(CultureInfo.InvariantCulture),
            "--kiosk-port", kioskPort.ToString(CultureInfo.InvariantCulture),
        }.Concat(arguments))
        {
            executable.ArgumentList.Add(a);
        }
        executable.Environment.Remove("NOTIFY_SOCKET");
        executable.Environment.Remove("WATCHDOG_USEC");
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            executable.Environment[name] = value;
        }
        var process = Process.Start(executable)
            ?? throw new InvalidOperationException($"cannot start {executable.FileName} run");
        var app = new ApplianceRunProcess(process, adminPort, kioskPort, onLine);
        process.OutputDataReceived += (_, e) => app.Append(e.Data);
        process.ErrorDataReceived += (_, e) => app.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return app;
    }

    /// <summary>
    /// How to start the program running this code again: `dotnet appliance.dll` from a checkout, or
    /// the published apphost.
    /// </summary>
    public static ProcessStartInfo SelfStartInfo()
    {
        var host = Environment.ProcessPath ?? throw new InvalidOperationException("cannot tell which executable runs this process");
        var info = new ProcessStartInfo(host);
        if (Path.GetFileNameWithoutExtension(host) == "dotnet")
        {
            info.ArgumentList.Add(Assembly.GetEntryAssembly()?.Location ?? throw new InvalidOperationException("no entry assembly"));
        }
        return info;
    }

    /// <summary>Everything the process printed so far (stdout and stderr).</summary>
    public string Output()
    {
        lock (_output)
        {
            return _output.ToString();
        }
    }

    /// <summary>The first admin token, printed once on the first start of a state directory; empty until then.</summary>
    public string AdminToken() => TokenPattern().Match(Output()).Value;

    /// <summary>SIGTERM (the host stops gracefully and flushes what it writes), then a kill after <paramref name="grace"/> (10 s by default).</summary>
    public async Task StopAsync(TimeSpan? grace = null)
    {
        if (_process.HasExited)
        {
            return;
        }
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync().ConfigureAwait(false);
        }
        try
        {
            await _process.WaitForExitAsync().WaitAsync(grace ?? TimeSpan.FromSeconds(10)).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync().ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_output)
        {
            _output.AppendLine(line);
        }
        _onLine?.Invoke(line);
    }

    private static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }

    [GeneratedRegex("apl_[0-9a-f]{12}_[0-9a-f]{48}")]
    private static partial Regex TokenPattern();
}
