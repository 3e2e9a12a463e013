using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Appliance.Service.Configuration;
using Appliance.Service.Metrics;
using Appliance.Service.Models;
using Appliance.Service.Security;
using Appliance.Service.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Appliance.Service.Tests;

/// <summary>What the handlers do, end to end through the real middleware (test server).</summary>
public sealed class ApiBehaviourTests : IDisposable
{
    private readonly ServiceFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Config_put_persists_applies_without_reopening_audio_and_audits_the_diff()
    {
        var admin = _factory.ClientFor(Roles.Admin);
        var config = await admin.GetFromJsonAsync<ApplianceConfig>("/api/config", ConfigJson.Options);
        config!.Persona.Name = "Bo";
        config.Audio.Volume = 55;
        var response = await admin.PutAsJsonAsync("/api/config", config, ConfigJson.Options);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var store = _factory.Services.GetRequiredService<ConfigStore>();
        Assert.Contains("name: Bo", File.ReadAllText(store.OverridePath));
        Assert.Equal("Bo", Assert.Single(_factory.Pipeline.Applied).Persona.Name);
        Assert.Equal(1, _factory.Pipeline.AudioOpenCount);
        Assert.Contains(_factory.Notifier.Messages, m => m.StartsWith("RELOADING=1\nMONOTONIC_USEC=", StringComparison.Ordinal));
        Assert.Contains(_factory.Notifier.Messages, m => m.StartsWith("READY=1", StringComparison.Ordinal));

        var audit = _factory.Services.GetRequiredService<AuditLog>().Tail(10);
        var entry = Assert.Single(audit, e => e.Path == "/api/config");
        Assert.Equal(Roles.Admin, entry.Role);
        Assert.Equal(200, entry.Status);
        Assert.Contains("persona.name: \"Ava\" -> \"Bo\"", entry.Details!);
        Assert.Contains("audio.volume: 80 -> 55", entry.Details!);
    }

    [Fact]
    public async Task Rejected_mutations_are_audited_too()
    {
        await _factory.CreateClient().PostAsync("/api/pipeline/restart", null);
        await _factory.ClientFor(Roles.Viewer).PostAsync("/api/pipeline/restart", null);
        var audit = _factory.Services.GetRequiredService<AuditLog>().Tail(10);
        Assert.Contains(audit, e => e.Status == 401 && e.Path == "/api/pipeline/restart");
        Assert.Contains(audit, e => e.Status == 403 && e.Role == Roles.Viewer);
        Assert.Equal(0, _factory.Pipeline.Restarts);
    }

    [Fact]
    public async Task Operator_actions_reach_the_pipeline()
    {
        var op = _factory.ClientFor(Roles.Operator);
        Assert.Equal(HttpStatusCode.Accepted, (await op.PostAsJsonAsync("/api/say", new { text = "Welcome to the museum" })).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await op.PostAsync("/api/pipeline/restart", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await op.PostAsJsonAsync("/api/leds/test", new { pattern = "chase", durationMs = 300 })).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await op.PostAsJsonAsync("/api/audio/test-tone", new { frequencyHz = 1000, durationMs = 250 })).StatusCode);
        Assert.Equal(["Welcome to the museum"], _factory.Pipeline.Said.ToArray());
        Assert.Equal(1, _factory.Pipeline.Restarts);
        Assert.Equal(["chase"], _factory.Devices.LedPatterns.ToArray());
        Assert.Equal([(1000.0, 250)], _factory.Devices.Tones.ToArray());

        var devices = await op.GetFromJsonAsync<JsonElement>("/api/audio/devices");
        Assert.Equal("ReSpeaker 4-mic array", devices[0].GetProperty("name").GetString());
        var levels = await op.GetFromJsonAsync<JsonElement>("/api/audio/levels");
        Assert.Equal(4, levels.GetProperty("rmsDbfs").GetArrayLength());
    }

    [Fact]
    public async Task Turns_hide_text_unless_privacy_allows_and_respect_retention_and_paging()
    {
        var now = DateTimeOffset.UtcNow;
        for (var i = 1; i <= 30; i++)
        {
            _factory.Pipeline.Turns.Enqueue(FakePipeline.SampleTurn(i, now.AddMinutes(-31 + i), 600 + i));
        }
        _factory.Pipeline.Turns.Enqueue(FakePipeline.SampleTurn(99, now.AddHours(-30), 700));
        var viewer = _factory.ClientFor(Roles.Viewer);

        var page = await viewer.GetFromJsonAsync<JsonElement>("/api/turns?page=2&pageSize=10");
        Assert.Equal(30, page.GetProperty("total").GetInt32());
        Assert.False(page.GetProperty("textIncluded").GetBoolean());
        var items = page.GetProperty("items");
        Assert.Equal(10, items.GetArrayLength());
        Assert.Equal("turn-20", items[0].GetProperty("id").GetString());
        Assert.Equal(JsonValueKind.Null, items[0].GetProperty("userText").ValueKind);
        Assert.Equal(5, items[0].GetProperty("stages").GetArrayLength());

        var store = _factory.Services.GetRequiredService<ConfigStore>();
        var config = ConfigStore.Parse(ConfigStore.ToYaml(store.Current), "copy");
        config.Privacy.StoreConversationText = true;
        config.Privacy.RetentionHours = 1;
        store.Save(config);
        var withText = await viewer.GetFromJsonAsync<JsonElement>("/api/turns?pageSize=1");
        Assert.Equal("question 30", withText.GetProperty("items")[0].GetProperty("userText").GetString());
        Assert.Equal(30, withText.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Knowledge_base_upload_list_reindex_delete()
    {
        var op = _factory.ClientFor(Roles.Operator);
        var put = await op.PutAsync("/api/kb/hours.md", new StringContent("# Hours\nOpen 9-17, closed Mondays.", Encoding.UTF8, "text/markdown"));
        Assert.Equal(HttpStatusCode.Created, put.StatusCode);
        var again = await op.PutAsync("/api/kb/hours.md", new StringContent("# Hours\nOpen 9-18.", Encoding.UTF8, "text/markdown"));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var list = await op.GetFromJsonAsync<JsonElement>("/api/kb");
        Assert.Equal("hours.md", list[0].GetProperty("name").GetString());
        var reindex = await op.PostAsync("/api/kb/reindex", null);
        Assert.Equal(1, (await reindex.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("documents").GetInt32());
        Assert.Equal(HttpStatusCode.NoContent, (await op.DeleteAsync("/api/kb/hours.md")).StatusCode);
        await HttpAssert.Problem(await op.DeleteAsync("/api/kb/hours.md"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Model_activation_failure_is_a_409_and_the_previous_model_stays_active()
    {
        var registry = _factory.Services.GetRequiredService<ModelRegistry>();
        Directory.CreateDirectory(registry.ModelsDir);
        var entries = new[] { ("asr-a", "a.onnx"), ("asr-b", "b.onnx") }.Select(m =>
        {
            var bytes = Encoding.UTF8.GetBytes("weights of " + m.Item1);
            File.WriteAllBytes(Path.Combine(registry.ModelsDir, m.Item2), bytes);
            return new ModelEntry(m.Item1, "asr", "sherpa", m.Item2, Convert.ToHexStringLower(SHA256.HashData(bytes)), bytes.Length, "Apache-2.0");
        }).ToArray();
        StoresTests.WriteManifest(registry, entries);
        _factory.Devices.BrokenModels.Add("asr-b");

        var admin = _factory.ClientFor(Roles.Admin);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync("/api/models/asr-a/activate", null)).StatusCode);
        var problem = await HttpAssert.Problem(await admin.PostAsync("/api/models/asr-b/activate", null), HttpStatusCode.Conflict);
        Assert.Contains("rolled back", problem.GetProperty("detail").GetString());
        var verify = await admin.PostAsync("/api/models/asr-b/verify", null);
        Assert.True((await verify.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("ok").GetBoolean());

        var list = await admin.GetFromJsonAsync<JsonElement>("/api/models");
        Assert.True(list.EnumerateArray().Single(m => m.GetProperty("model").GetProperty("id").GetString() == "asr-a").GetProperty("active").GetBoolean());
        Assert.False(list.EnumerateArray().Single(m => m.GetProperty("model").GetProperty("id").GetString() == "asr-b").GetProperty("active").GetBoolean());
    }

    [Fact]
    public async Task Metrics_are_prometheus_text_with_stage_histograms_and_counters()
    {
        var metrics = _factory.Services.GetRequiredService<ApplianceMetrics>();
        metrics.RecordTurn(FakePipeline.SampleTurn(4, DateTimeOffset.UtcNow, 800));
        metrics.RecordBlockedInput();
        metrics.RecordXrun();
        metrics.RecordDeviceReconnect("hw:1");
        metrics.RecordModelLoad("qwen-1.5b", TimeSpan.FromSeconds(3.2));
        var response = await _factory.ClientFor(Roles.Viewer).GetAsync("/metrics");
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("appliance_stage_latency_ms_bucket{stage=\"asr\",le=\"250\"} 1", text);
        Assert.Contains("appliance_stage_latency_ms_count{stage=\"llm\"} 1", text);
        Assert.Contains("appliance_voice_to_voice_ms_bucket{le=\"750\"} 0", text);
        Assert.Contains("appliance_voice_to_voice_ms_bucket{le=\"1000\"} 1", text);
        Assert.Contains("appliance_turns_total 1", text);
        Assert.Contains("appliance_barge_ins_total 1", text);
        Assert.Contains("appliance_blocked_inputs_total 1", text);
        Assert.Contains("appliance_blocked_outputs_total 0", text);
        Assert.Contains("appliance_audio_xruns_total 1", text);
        Assert.Contains("appliance_device_reconnects_total{device=\"hw:1\"} 1", text);
        Assert.Contains("appliance_model_load_seconds_bucket{model=\"qwen-1.5b\",le=\"5\"} 1", text);
    }

    [Fact]
    public async Task Status_health_capabilities_logs_and_openapi()
    {
        var op = _factory.ClientFor(Roles.Operator);
        var status = await op.GetFromJsonAsync<JsonElement>("/api/status");
        Assert.Equal("listening", status.GetProperty("state").GetString());
        Assert.Equal("listening · llm qwen-1.5b q4_0 sapphirerapids · 0 turns", status.GetProperty("statusLine").GetString());
        Assert.Equal(_factory.Services.GetRequiredService<DeviceCertificate>().Fingerprint, status.GetProperty("certificateFingerprint").GetString());
        Assert.Equal(95, status.GetProperty("certificateFingerprint").GetString()!.Length);

        var anonymous = _factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/api/health/ready")).StatusCode);
        _factory.Pipeline.ModelsLoaded = false;
        await HttpAssert.Problem(await anonymous.GetAsync("/api/health/ready"), HttpStatusCode.ServiceUnavailable);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/api/health/live")).StatusCode);

        var caps = await op.GetFromJsonAsync<JsonElement>("/api/capabilities");
        Assert.True(caps.GetProperty("logicalCores").GetInt32() >= 1);

        var logs = await op.GetFromJsonAsync<string[]>("/api/logs?lines=500");
        Assert.Contains(logs!, l => l.Contains("Device certificate SHA-256 fingerprint", StringComparison.Ordinal));

        var openapi = await anonymous.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var paths = openapi.GetProperty("paths");
        foreach (var path in new[] { "/api/status", "/api/config", "/api/kb/{name}", "/api/models/{id}/activate", "/api/turns", "/metrics" })
        {
            Assert.True(paths.TryGetProperty(path, out _), $"OpenAPI lacks {path}");
        }
    }
}
