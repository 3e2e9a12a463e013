using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Appliance.Service.Configuration;

namespace Appliance.Host.Cli.ServiceLoad;

/// <summary>
/// A real `appliance run --replay …` child process in a scratch state/config directory, and an admin
/// client for it (the device certificate is pinned by the fingerprint the service writes to its state dir).
/// </summary>
internal sealed partial class ServiceProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly string _root;

    private ServiceProcess(Process process, string root, int adminPort)
    {
        _process = process;
        _root = root;
        AdminUri = new Uri($"https://127.0.0.1:{adminPort}");
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public Uri AdminUri { get; }

    public int Pid => _process.Id;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <param name="configYaml">The provisioned appliance.yaml (e.g. a raised rate limit).</param>
    public static ServiceProcess Start(IReadOnlyList<string> replay, string configYaml, IEnumerable<string> extraArgs)
    {
        var root = Directory.CreateTempSubdirectory("appliance-service-load-").FullName;
        var config = Directory.CreateDirectory(Path.Combine(root, "config")).FullName;
        File.WriteAllText(Path.Combine(config, ConfigStore.FileName), configYaml);
        var adminPort = FreePort();
        var info = new ProcessStartInfo(Environment.ProcessPath ?? throw new InvalidOperationException("no process path"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var a in new[]
        {
            "run", "--state-dir", Path.Combine(root, "state"), "--config-dir", config,
            "--admin-port", adminPort.ToString(CultureInfo.InvariantCulture),
            "--kiosk-port", FreePort().ToString(CultureInfo.InvariantCulture),
        }.Concat(extraArgs).Append("--replay").Concat(replay))
        {
            info.ArgumentList.Add(a);
        }
        info.Environment.Remove("NOTIFY_SOCKET");
        info.Environment.Remove("WATCHDOG_USEC");
        return new ServiceProcess(Process.Start(info) ?? throw new InvalidOperationException("cannot start appliance run"), root, adminPort);
    }

    /// <summary>Waits for the first admin token in the log and the device-certificate fingerprint, then returns a pinned client.</summary>
    public async Task<(HttpClient Client, string Token)> ConnectAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        var fingerprintFile = Path.Combine(_root, "state", "device-certificate.sha256");
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"appliance run exited with {_process.ExitCode}:\n{Output}");
            }
            var token = TokenRegex().Match(Output);
            if (token.Success && File.Exists(fingerprintFile))
            {
                var fingerprint = File.ReadAllText(fingerprintFile).Split(' ', '\n')[0].Trim();
                var handler = new SocketsHttpHandler();
                handler.SslOptions.RemoteCertificateValidationCallback = (_, cert, _, _) =>
                    cert is not null && string.Equals(Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(cert.GetRawCertData())), fingerprint.Replace(":", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase);
                var client = new HttpClient(handler) { BaseAddress = AdminUri, Timeout = TimeSpan.FromSeconds(30) };
                client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Value);
                return (client, token.Value);
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"appliance run printed no admin token within {timeout.TotalSeconds:0} s:\n{Output}");
            }
            await Task.Delay(200);
        }
    }

    /// <summary>Polls /api/status until the pipeline is ready (models loaded, audio flowing).</summary>
    public static async Task WaitReadyAsync(HttpClient client, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                var status = await client.GetFromJsonAsync<JsonElement>("/api/status");
                if (status.GetProperty("ready").GetBoolean())
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(500);
        }
        throw new TimeoutException($"the service was not ready within {timeout.TotalSeconds:0} s");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            using var kill = Process.Start("kill", $"-TERM {_process.Id}");
            await kill!.WaitForExitAsync();
            if (!_process.WaitForExit(10_000))
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        _process.Dispose();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
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
    private static partial Regex TokenRegex();
}
