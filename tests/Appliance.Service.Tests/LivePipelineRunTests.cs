using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Appliance.Service.Tests.Support;
using Appliance.TestSupport;

namespace Appliance.Service.Tests;

/// <summary>
/// The real `appliance run` process on its embedded-default engines (silero, pocketsphinx, knowledge-base
/// responder, espeak-ng), fed a real recording through `--replay`: it reaches READY over the notify
/// socket, the turn appears in /api/turns on the HTTPS admin API, and the avatar page is on the kiosk port.
/// </summary>
public sealed class LivePipelineRunTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Run_with_replay_reaches_ready_and_records_a_real_turn()
    {
        using var listener = new NotifyListener(Path.Combine(_dir.Path, "notify.sock"));
        await using var app = ApplianceProcess.Start(_dir.Sub("state"), _dir.Sub("config"), listener,
        [
            "--replay", SharedData.Speech("en", "hifitts6097_bambatse_02_haggard_0323.wav"),
        ]);
        try
        {
            var ready = ApplianceProcess.WaitForReady(listener, app);
            Assert.Contains("knowledge-base", ready);

            var token = app.AdminToken();
            Assert.NotEmpty(token);
            using var admin = RealHost.PinnedClient(new Uri($"https://127.0.0.1:{app.AdminPort}"), _ => true, token);
            JsonElement turn = default;
            var deadline = DateTime.UtcNow.AddSeconds(90);
            while (DateTime.UtcNow < deadline)
            {
                var turns = await admin.GetFromJsonAsync<JsonElement>("/api/turns");
                if (turns.GetProperty("total").GetInt32() > 0)
                {
                    turn = turns.GetProperty("items")[0];
                    break;
                }
                await Task.Delay(500);
            }
            Assert.True(turn.ValueKind == JsonValueKind.Object, "no turn within 90 s:\n" + app.Output());
            Assert.Equal("completed", turn.GetProperty("outcome").GetString());
            var stages = turn.GetProperty("stages").EnumerateArray().Select(s => s.GetProperty("stage").GetString()).ToList();
            Assert.Contains("asr_final", stages);
            Assert.Contains("first_audio_played", stages);
            Assert.True(turn.GetProperty("voiceToVoiceMs").GetDouble() > 0);

            var status = await admin.GetFromJsonAsync<JsonElement>("/api/status");
            Assert.True(status.GetProperty("ready").GetBoolean());
            Assert.True(status.GetProperty("turnsCompleted").GetInt32() >= 1);

            await LiveApiPartsAnswer(admin);

            using var kiosk = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{app.KioskPort}") };
            var page = await kiosk.GetAsync("/kiosk");
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        }
        finally
        {
            await app.StopAsync();
        }
        listener.WaitFor(m => m.StartsWith("STOPPING=1", StringComparison.Ordinal));
        // systemctl stop is a clean stop: exit code 0 (anything else leaves the unit "failed"), no error line.
        Assert.True(app.HasExited && app.ExitCode == 0, $"exit code {(app.HasExited ? app.ExitCode : "none")}:\n{app.Output()}");
        Assert.DoesNotMatch("(?m)^error: ", app.Output()); // the CLI's one-line failure report
    }

    /// <summary>The admin API parts `run` wires to the real pipeline and drivers (not the standby ones).</summary>
    private static async Task LiveApiPartsAnswer(HttpClient admin)
    {
        // Capabilities from Appliance.Drivers.Cpu: usable ggml variants; the kb responder has no LLM CPU path.
        var caps = await admin.GetFromJsonAsync<JsonElement>("/api/capabilities");
        Assert.True(caps.GetProperty("usableVariants").GetArrayLength() > 0, caps.ToString());
        Assert.Contains("no GGUF model", caps.GetProperty("cpuPathNote").GetString());

        // Levels measured on the blocks the loop takes (replay: one mono channel); devices from PortAudio.
        var levels = await admin.GetFromJsonAsync<JsonElement>("/api/audio/levels");
        Assert.Equal(1, levels.GetProperty("rmsDbfs").GetArrayLength());
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/audio/devices")).StatusCode);

        // The test tone goes to the pipeline's own output: accepted while idle/listening, 409 while it speaks.
        var tone = await admin.PostAsJsonAsync("/api/audio/test-tone", new { frequencyHz = 440, durationMs = 200 });
        Assert.True(tone.StatusCode is HttpStatusCode.Accepted or HttpStatusCode.Conflict, $"{tone.StatusCode}: {await tone.Content.ReadAsStringAsync()}");

        // Re-index swaps an uploaded document into the running dialog; a broken one is refused, index kept.
        var doc = new StringContent("# Visitor info\n\n## When does the parking garage close {#parking}\nAt ten in the evening.\n", Encoding.UTF8, "text/markdown");
        Assert.Equal(HttpStatusCode.Created, (await admin.PutAsync("/api/kb/parking.en.md", doc)).StatusCode);
        var reindex = await admin.PostAsync("/api/kb/reindex", null);
        Assert.Equal(HttpStatusCode.OK, reindex.StatusCode);
        Assert.Equal(1, (await reindex.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("documents").GetInt32());
        var broken = new StringContent("## A heading without an answer {#empty}\n", Encoding.UTF8, "text/markdown");
        Assert.Equal(HttpStatusCode.Created, (await admin.PutAsync("/api/kb/broken.en.md", broken)).StatusCode);
        await HttpAssert.Problem(await admin.PostAsync("/api/kb/reindex", null), HttpStatusCode.BadRequest);
    }

}
