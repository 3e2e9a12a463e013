using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Appliance.Service.Tests.Support;
using Appliance.TestSupport;

namespace Appliance.Service.Tests;

/// <summary>
/// The real `appliance run` process with a provisioned configuration naming an LED ring and GPIO lines this
/// machine does not have, while a provisioning apply publishes its progress: the service becomes ready
/// anyway, says what is missing, and shows the update in STATUS= and on the kiosk page.
/// </summary>
public sealed class LiveDevicesRunTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Missing_devices_never_stop_the_service_and_provisioning_progress_reaches_status_and_page()
    {
        var state = _dir.Sub("state");
        var current = Directory.CreateDirectory(Path.Combine(state, "config", "current")).FullName;
        await File.WriteAllTextAsync(Path.Combine(current, "provisioning.yaml"), """
            schema_version: 1
            device: { name: booth-7 }
            persona: { name: Ava, greeting: Welcome to booth seven! }
            leds: { type: apa102, device: /dev/spidev9.9, count: 12 }
            gpio:
              presence: { chip: /dev/gpiochip99, line: 22 }
            """);
        var progress = Path.Combine(_dir.Path, "progress.json");
        WriteProgress(progress, "copying", "models/llm/qwen.gguf", 42, 100);

        using var listener = new NotifyListener(Path.Combine(_dir.Path, "notify.sock"));
        var (adminPort, kioskPort) = (FreePort(), FreePort());
        var info = new ProcessStartInfo(Repo.ApplianceExecutable) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[]
        {
            "run", "--state-dir", state, "--config-dir", _dir.Sub("config"),
            "--admin-port", adminPort.ToString(), "--kiosk-port", kioskPort.ToString(),
            "--replay", SharedData.Speech("en", "hifitts6097_bambatse_02_haggard_0323.wav"),
        })
        {
            info.ArgumentList.Add(a);
        }
        info.Environment["NOTIFY_SOCKET"] = listener.Address;
        info.Environment["APPLIANCE_PROVISION_PROGRESS"] = progress;
        info.Environment.Remove("WATCHDOG_USEC");
        using var process = Process.Start(info)!;
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            var ready = listener.WaitFor(m => m.StartsWith("READY=1", StringComparison.Ordinal), 40_000);
            Assert.Contains("STATUS=updating · copying models 42 % · ", ready);
            Assert.Contains("leds unavailable (cannot open SPI device /dev/spidev9.9", ready);
            Assert.Contains("gpio presence unavailable (cannot open /dev/gpiochip99)", ready);
            lock (output)
            {
                Assert.Contains("gpio: cannot open GPIO chip /dev/gpiochip99", output.ToString());
            }

            // A page connecting now gets the overlay in its snapshot.
            using (var ws = new ClientWebSocket())
            {
                await ws.ConnectAsync(new Uri($"ws://127.0.0.1:{kioskPort}/avatar/ws"), CancellationToken.None);
                var hello = await ReceiveAsync(ws, "hello");
                Assert.Equal("copying models 42 %", (string?)hello["updating"]!["label"]);
            }

            WriteProgress(progress, "done", "Applied", 0, 0);
            listener.WaitFor(m => m.Contains("STATUS=update complete · ", StringComparison.Ordinal), 10_000);

            // The admin API's LED test is accepted and logged (no ring here), the service carries on.
            string token;
            lock (output)
            {
                token = Regex.Match(output.ToString(), "apl_[0-9a-f]{12}_[0-9a-f]{48}").Value;
            }
            using var admin = RealHost.PinnedClient(new Uri($"https://127.0.0.1:{adminPort}"), _ => true, token);
            var test = await admin.PostAsJsonAsync("/api/leds/test", new { pattern = "rainbow", durationMs = 500 });
            Assert.Equal(HttpStatusCode.Accepted, test.StatusCode);
            Assert.Contains("chase", await admin.GetStringAsync("/api/leds/patterns"));
            Assert.True((await admin.GetFromJsonAsync<JsonElement>("/api/status")).GetProperty("ready").GetBoolean());
        }
        finally
        {
            if (!process.HasExited)
            {
                using var kill = Process.Start("kill", $"-TERM {process.Id}");
                await kill.WaitForExitAsync();
                if (!process.WaitForExit(10_000))
                {
                    process.Kill(entireProcessTree: true);
                }
            }
        }
        lock (output)
        {
            Assert.Contains("LED test pattern rainbow not shown", output.ToString());
        }
    }

    /// <summary>What `appliance provision` writes (ProvisioningStatusFile), with this test process as the writer.</summary>
    private static void WriteProgress(string path, string phase, string detail, long done, long total)
    {
        var json = JsonSerializer.Serialize(new
        {
            phase,
            detail,
            bytes_done = done,
            bytes_total = total,
            pid = Environment.ProcessId,
            updated = DateTimeOffset.UtcNow,
            dry_run = false,
            outcome = phase == "done" ? detail : null,
        });
        File.WriteAllText(path + ".tmp", json);
        File.Move(path + ".tmp", path, overwrite: true);
    }

    private static async Task<JsonNode> ReceiveAsync(ClientWebSocket ws, string type)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var buffer = new byte[65536];
        while (true)
        {
            var r = await ws.ReceiveAsync(buffer, timeout.Token);
            Assert.True(r.MessageType == WebSocketMessageType.Text, $"server closed the socket while waiting for '{type}'");
            var node = JsonNode.Parse(Encoding.UTF8.GetString(buffer, 0, r.Count))!;
            if ((string?)node["type"] == type)
            {
                return node;
            }
        }
    }

    private static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }
}
