using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Appliance.Core.Native;
using Appliance.Service.Tests.Support;
using Appliance.TestSupport;

namespace Appliance.Service.Tests;

/// <summary>
/// The real `appliance run` process with a provisioned configuration naming an LED ring and GPIO lines this
/// machine does not have, while a provisioning apply publishes its progress: the service becomes ready
/// anyway, says what is missing, and shows the update in STATUS= and on the kiosk page. The provisioned
/// models it does have (a GGUF under models/llm, a silero VAD under models/vad, an openWakeWord classifier
/// under models/wake) are the ones it runs.
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
        // Provisioned models as `appliance provision` lays them out (models/<role>/<file>): an LLM, the service's
        // own silero, and a custom wake word (a copy of alexa's classifier under another name).
        var models = Path.Combine(current, "models");
        File.Copy(AppliancePaths.BundledModel("vad/silero_vad.onnx")!, Path.Combine(Directory.CreateDirectory(Path.Combine(models, "vad")).FullName, "silero_vad.onnx"));
        File.Copy(AppliancePaths.BundledModel("openwakeword/alexa_v0.1.onnx")!, Path.Combine(Directory.CreateDirectory(Path.Combine(models, "wake")).FullName, "hey_booth.onnx"));
        File.Copy(SharedData.Stories260K, Path.Combine(Directory.CreateDirectory(Path.Combine(models, "llm")).FullName, "stories260K.gguf"));
        await File.WriteAllTextAsync(Path.Combine(_dir.Sub("config"), "appliance.yaml"), "dialog:\n  wakeWordRequired: true\n");
        var progress = Path.Combine(_dir.Path, "progress.json");
        WriteProgress(progress, "copying", "models/llm/qwen.gguf", 42, 100);

        using var listener = new NotifyListener(Path.Combine(_dir.Path, "notify.sock"));
        await using var app = ApplianceProcess.Start(state, _dir.Sub("config"), listener,
        [
            "--replay", SharedData.Speech("en", "hifitts6097_bambatse_02_haggard_0323.wav"),
        ], new Dictionary<string, string> { ["APPLIANCE_PROVISION_PROGRESS"] = progress });
        try
        {
            var ready = ApplianceProcess.WaitForReady(listener, app);
            Assert.Contains("STATUS=updating · copying models 42 % · ", ready);
            Assert.Contains("leds unavailable (cannot open SPI device /dev/spidev9.9", ready);
            Assert.Contains("gpio presence unavailable (cannot open /dev/gpiochip99)", ready);
            Assert.Contains("gpio: cannot open GPIO chip /dev/gpiochip99", app.Output());

            // A page connecting now gets the overlay in its snapshot.
            using (var ws = new ClientWebSocket())
            {
                await ws.ConnectAsync(new Uri($"ws://127.0.0.1:{app.KioskPort}/avatar/ws"), CancellationToken.None);
                var hello = await WebSocketMessages.ReceiveAsync(ws, "hello");
                Assert.Equal("copying models 42 %", (string?)hello["updating"]!["label"]);
            }

            WriteProgress(progress, "done", "Applied", 0, 0);
            listener.WaitFor(m => m.Contains("STATUS=update complete · ", StringComparison.Ordinal), 30_000);

            // The admin API's LED test is accepted and logged (no ring here), the service carries on.
            using var admin = RealHost.PinnedClient(new Uri($"https://127.0.0.1:{app.AdminPort}"), _ => true, app.AdminToken());
            var test = await admin.PostAsJsonAsync("/api/leds/test", new { pattern = "rainbow", durationMs = 500 });
            Assert.Equal(HttpStatusCode.Accepted, test.StatusCode);
            Assert.Contains("chase", await admin.GetStringAsync("/api/leds/patterns"));
            Assert.True((await admin.GetFromJsonAsync<JsonElement>("/api/status")).GetProperty("ready").GetBoolean());
            // The CPU-path selection reported is the provisioned model's (a cached probe, or how to make one).
            var capabilities = await admin.GetStringAsync("/api/capabilities");
            Assert.Contains(JsonEncodedText.Encode(Path.Combine(models, "llm", "stories260K.gguf")).ToString(), capabilities);
        }
        finally
        {
            await app.StopAsync();
        }
        Assert.Contains("LED test pattern rainbow not shown", app.Output());
        Assert.Contains("pipeline engines: vad silero (silero_vad.onnx, provisioned), asr pocketsphinx", app.Output());
        Assert.Contains("dialog stories260K ", app.Output()); // `run` (--llm auto) answers with the provisioned GGUF
        Assert.Contains($"wake word: openWakeWord 'hey_booth' loaded (provisioned {Path.Combine(models, "wake", "hey_booth.onnx")})", app.Output());
    }

    [Fact]
    public async Task A_provisioned_llm_that_cannot_load_leaves_the_kiosk_answering_from_the_knowledge_base()
    {
        var state = _dir.Sub("state");
        var llm = Directory.CreateDirectory(Path.Combine(state, "config", "current", "models", "llm")).FullName;
        var truncated = File.ReadAllBytes(SharedData.Stories260K).AsSpan(0, 4096).ToArray(); // GGUF magic, cut short
        await File.WriteAllBytesAsync(Path.Combine(llm, "qwen-cut.gguf"), truncated);

        using var listener = new NotifyListener(Path.Combine(_dir.Path, "notify.sock"));
        await using var app = ApplianceProcess.Start(state, _dir.Sub("config"), listener,
            ["--replay", SharedData.Speech("en", "hifitts6097_bambatse_02_haggard_0323.wav")]);
        try
        {
            var ready = ApplianceProcess.WaitForReady(listener, app);
            Assert.Contains("knowledge-base", ready);
        }
        finally
        {
            await app.StopAsync();
        }
        Assert.Contains($"llm: the provisioned model {Path.Combine(llm, "qwen-cut.gguf")} could not be loaded (", app.Output());
        Assert.Contains("answering from the knowledge base", app.Output());
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


}
