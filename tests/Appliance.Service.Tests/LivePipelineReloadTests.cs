using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Appliance.Service.Configuration;
using Appliance.Service.Tests.Support;
using Appliance.TestSupport;

namespace Appliance.Service.Tests;

/// <summary>
/// Configuration reload on the real `appliance run --replay` (real espeak-ng): a voice espeak-ng does not
/// have is refused with 400 and nothing changes (in the file the service starts with: the default voice speaks); a PUT persona between two replayed questions makes the
/// second turn speak as the new persona with the new voice, on the same audio device; dialog.wakeWord
/// switches the wake keyword (an unknown one is refused with 400).
/// </summary>
public sealed class LivePipelineReloadTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Put_persona_changes_the_next_turn_and_an_unknown_voice_is_refused()
    {
        using var listener = new NotifyListener(Path.Combine(_dir.Path, "notify.sock"));
        // The provisioned file names a voice espeak-ng lacks: checked when the engines load, the default voice speaks.
        File.WriteAllText(Path.Combine(_dir.Sub("config"), ConfigStore.FileName), "persona:\n  voice: no-such-voice\n");
        await using var app = ApplianceProcess.Start(_dir.Sub("state"), _dir.Sub("config"), listener,
        [
            // A long gap after each question: the PUT lands after the first turn, well before the second question.
            "--replay-gap-ms", "30000",
            "--replay", SharedData.Speech("en", "hifitts6097_bambatse_02_haggard_0323.wav"), SharedData.Speech("en", "hifitts6097_bambatse_04_haggard_0273.wav"),
        ]);
        var Output = app.Output;
        try
        {
            ApplianceProcess.WaitForReady(listener, app);
            var token = app.AdminToken();
            Assert.NotEmpty(token);
            using var admin = RealHost.PinnedClient(new Uri($"https://127.0.0.1:{app.AdminPort}"), _ => true, token);

            var persona = (await admin.GetFromJsonAsync<PersonaConfig>("/api/persona", ConfigJson.Options))!;
            Assert.Equal("Ava", persona.Name);
            persona.Name = "Quill";
            persona.Voice = "no-such-voice";
            var refused = await HttpAssert.Problem(await admin.PutAsJsonAsync("/api/persona", persona, ConfigJson.Options), HttpStatusCode.BadRequest);
            Assert.Contains("no-such-voice", refused.GetProperty("errors").GetProperty("voice")[0].GetString());
            Assert.Equal("Ava", (await admin.GetFromJsonAsync<PersonaConfig>("/api/persona", ConfigJson.Options))!.Name);

            await WaitForTurns(admin, 1, Output);
            persona.Voice = "en-gb-x-rp"; // an espeak-ng voice file name
            var saved = await admin.PutAsJsonAsync("/api/persona", persona, ConfigJson.Options);
            Assert.True(saved.StatusCode == HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());
            await WaitForTurns(admin, 2, Output);

            await WaitForLog("turns speak as Quill (en), voice en-gb-x-rp", Output);
            var log = Output();
            var first = log.IndexOf("turns speak as Ava (en), voice default", StringComparison.Ordinal);
            var second = log.IndexOf("turns speak as Quill (en), voice en-gb-x-rp", StringComparison.Ordinal);
            Assert.True(first >= 0 && second > first, log);
            Assert.Contains("persona.voice: the espeak-ng", log[..first]);
            var turns = await admin.GetFromJsonAsync<JsonElement>("/api/turns");
            Assert.All(turns.GetProperty("items").EnumerateArray(), t => Assert.Equal("completed", t.GetProperty("outcome").GetString()));
            // The reload kept the audio device: no reconnect, same output stream.
            Assert.DoesNotContain("audio: ", log[second..], StringComparison.Ordinal);

            // dialog.wakeWordRequired loads openWakeWord on the reload that asks for it and switches the mode.
            var config = (await admin.GetFromJsonAsync<ApplianceConfig>("/api/config", ConfigJson.Options))!;
            config.Dialog.WakeWordRequired = true;
            var wake = await admin.PutAsJsonAsync("/api/config", config, ConfigJson.Options);
            Assert.True(wake.StatusCode == HttpStatusCode.OK, await wake.Content.ReadAsStringAsync());
            await WaitForLog("wake hey_jarvis from the next turn", Output); // the console logger writes asynchronously
            Assert.Contains("wake word: openWakeWord 'hey_jarvis' loaded", Output()[second..]);

            // dialog.wakeWord switches the keyword on the running service; one it has no classifier for is refused.
            config.Dialog.WakeWord = "no_such_keyword";
            var unknown = await HttpAssert.Problem(await admin.PutAsJsonAsync("/api/config", config, ConfigJson.Options), HttpStatusCode.BadRequest);
            Assert.Contains("no wake-word classifier 'no_such_keyword'", unknown.GetProperty("errors").GetProperty("dialog.wakeWord")[0].GetString());
            config.Dialog.WakeWord = "alexa";
            var alexa = await admin.PutAsJsonAsync("/api/config", config, ConfigJson.Options);
            Assert.True(alexa.StatusCode == HttpStatusCode.OK, await alexa.Content.ReadAsStringAsync());
            await WaitForLog("wake alexa from the next turn", Output);
            Assert.Contains("wake word: openWakeWord 'alexa' loaded", Output());
        }
        finally
        {
            await app.StopAsync();
        }
    }

    private static async Task WaitForTurns(HttpClient admin, int count, Func<string> output)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            var turns = await admin.GetFromJsonAsync<JsonElement>("/api/turns");
            if (turns.GetProperty("total").GetInt32() >= count)
            {
                return;
            }
            await Task.Delay(500);
        }
        Assert.Fail($"fewer than {count} turn(s) within 90 s:\n{output()}");
    }

    private static async Task WaitForLog(string line, Func<string> output)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline && !output().Contains(line, StringComparison.Ordinal))
        {
            await Task.Delay(200);
        }
        Assert.True(output().Contains(line, StringComparison.Ordinal), $"no '{line}' in the log:\n{output()}");
    }

}
