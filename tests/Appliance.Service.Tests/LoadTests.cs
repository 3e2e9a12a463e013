using System.Net;
using System.Text.Json;
using Appliance.Core.Audio;
using Appliance.Service.Configuration;
using Appliance.Service.Metrics;
using Appliance.Service.Security;
using Appliance.Service.Tests.Support;
using Appliance.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Appliance.Service.Tests;

/// <summary>
/// A short load test: many concurrent HTTPS status/metrics requests while a real recording is replayed
/// through a real-time audio loop. Asserted: every request succeeded and every frame was processed.
/// The frame-latency figures (quiet vs loaded) are printed and written to artifacts/service-load.json;
/// speed is not asserted here (shared 2-core box; see the README for measured numbers).
/// </summary>
public sealed class LoadTests(ITestOutputHelper output) : IDisposable
{
    private const int Clients = 16;
    private const int FramesPerPhase = 125; // 2.5 s of audio
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Status_and_metrics_under_load_while_a_replay_runs()
    {
        var config = _dir.Sub("config");
        File.WriteAllText(Path.Combine(config, ConfigStore.FileName), "api:\n  rateLimitPerMinute: 100000\n");
        var recording = SharedData.Transcripts("en").Select(t => WavFile.ReadMono(t.Path)).First(s => s.Length >= 2 * FramesPerPhase * ReplayLoop.FrameSamples);
        await using var host = await RealHost.StartAsync(_dir.Sub("state"), config);
        var metrics = host.Services.GetRequiredService<ApplianceMetrics>();
        var fingerprint = host.Services.GetRequiredService<DeviceCertificate>().Fingerprint;
        var token = host.TokenFor(Roles.Viewer);

        // Warm-up (JIT, first requests) is not measured.
        await new ReplayLoop(recording, host.Pipeline, metrics).RunAsync(25);
        using (var warm = RealHost.PinnedClient(host.AdminUri, f => f == fingerprint, token))
        {
            Assert.Equal(HttpStatusCode.OK, (await warm.GetAsync("/api/status")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await warm.GetAsync("/metrics")).StatusCode);
        }

        var quiet = new ReplayLoop(recording, host.Pipeline, metrics);
        await quiet.RunAsync(FramesPerPhase);

        var loaded = new ReplayLoop(recording[(FramesPerPhase * ReplayLoop.FrameSamples)..], host.Pipeline, metrics);
        using var stop = new CancellationTokenSource();
        var ok = 0;
        var failed = new List<string>();
        var clients = Enumerable.Range(0, Clients).Select(i => Task.Run(async () =>
        {
            using var client = RealHost.PinnedClient(host.AdminUri, f => f == fingerprint, token);
            while (!stop.IsCancellationRequested)
            {
                using var response = await client.GetAsync(i % 2 == 0 ? "/api/status" : "/metrics");
                await response.Content.ReadAsByteArrayAsync();
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    Interlocked.Increment(ref ok);
                }
                else
                {
                    lock (failed)
                    {
                        failed.Add($"{response.RequestMessage!.RequestUri} {(int)response.StatusCode}");
                    }
                }
            }
        })).ToArray();
        await loaded.RunAsync(FramesPerPhase);
        stop.Cancel();
        await Task.WhenAll(clients);

        Assert.Empty(failed);
        Assert.True(ok > Clients, $"only {ok} requests completed");
        Assert.Equal(FramesPerPhase, quiet.FrameLatencyMs.Count);
        Assert.Equal(FramesPerPhase, loaded.FrameLatencyMs.Count);

        var report = new
        {
            clients = Clients,
            requests_ok = ok,
            requests_per_s = Math.Round(ok / (FramesPerPhase * 0.020), 1),
            frames_per_phase = FramesPerPhase,
            quiet_frame_latency_ms = Summary(quiet.FrameLatencyMs),
            loaded_frame_latency_ms = Summary(loaded.FrameLatencyMs),
            p95_ratio_loaded_over_quiet = Math.Round(Percentile(loaded.FrameLatencyMs, 95) / Math.Max(0.001, Percentile(quiet.FrameLatencyMs, 95)), 2),
        };
        var json = JsonSerializer.Serialize(report, new JsonSerializerOptions { WriteIndented = true });
        File.WriteAllText(Path.Combine(Repo.Artifacts, "service-load.json"), json);
        output.WriteLine(json);
    }

    private static object Summary(List<double> values) => new
    {
        p50 = Math.Round(Percentile(values, 50), 3),
        p95 = Math.Round(Percentile(values, 95), 3),
        max = Math.Round(values.Max(), 3),
        n = values.Count,
    };

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];
    }
}
