using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Appliance.Service.Configuration;
using Appliance.Service.Hosting;

namespace Appliance.Host.Cli.ServiceLoad;

/// <summary>
/// A real `appliance run --replay …` child process in a scratch state/config directory, and an admin
/// client for it (the device certificate is pinned by the fingerprint the service writes to its state dir).
/// </summary>
internal sealed class ServiceProcess : IAsyncDisposable
{
    private readonly ApplianceRunProcess _process;
    private readonly string _root;

    private ServiceProcess(ApplianceRunProcess process, string root)
    {
        _process = process;
        _root = root;
    }

    public Uri AdminUri => _process.AdminUri;

    public int Pid => _process.Pid;

    public string Output => _process.Output();

    /// <param name="configYaml">The provisioned appliance.yaml (e.g. a raised rate limit).</param>
    public static ServiceProcess Start(IReadOnlyList<string> replay, string configYaml, IEnumerable<string> extraArgs)
    {
        var root = Directory.CreateTempSubdirectory("appliance-service-load-").FullName;
        var config = Directory.CreateDirectory(Path.Combine(root, "config")).FullName;
        File.WriteAllText(Path.Combine(config, ConfigStore.FileName), configYaml);
        var process = ApplianceRunProcess.Start(
            ApplianceRunProcess.SelfStartInfo(), Path.Combine(root, "state"), config, extraArgs.Append("--replay").Concat(replay));
        return new ServiceProcess(process, root);
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
            var token = _process.AdminToken();
            if (token.Length > 0 && File.Exists(fingerprintFile))
            {
                var fingerprint = File.ReadAllText(fingerprintFile).Split(' ', '\n')[0].Trim();
                var handler = new SocketsHttpHandler();
                handler.SslOptions.RemoteCertificateValidationCallback = (_, cert, _, _) =>
                    cert is not null && string.Equals(Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(cert.GetRawCertData())), fingerprint.Replace(":", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase);
                var client = new HttpClient(handler) { BaseAddress = AdminUri, Timeout = TimeSpan.FromSeconds(30) };
                client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
                return (client, token);
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
        await _process.DisposeAsync();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
