using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Appliance.Service.Configuration;
using Appliance.Service.Security;
using Appliance.Service.Tests.Support;
using Appliance.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Appliance.Service.Tests;

/// <summary>The real host: Kestrel on loopback with TLS, the notify protocol on a real socket, the watchdog, stop and reload.</summary>
[Collection(ProcessSignalsCollection.Name)]
public sealed class RealHostTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Admin_api_is_https_on_loopback_with_a_persistent_device_certificate()
    {
        var banner = new StringWriter();
        string fingerprint;
        await using (var host = await RealHost.StartAsync(_dir.Sub("state"), _dir.Sub("config"), banner: banner))
        {
            Assert.Equal("127.0.0.1", host.AdminUri.Host);
            Assert.Equal("127.0.0.1", host.KioskUri.Host);
            fingerprint = host.Services.GetRequiredService<DeviceCertificate>().Fingerprint;
            Assert.Equal(fingerprint + "\n", File.ReadAllText(Path.Combine(host.Options.StateDir, "device-certificate.sha256")));
            var firstToken = System.Text.RegularExpressions.Regex.Match(banner.ToString(), "apl_[0-9a-f]{12}_[0-9a-f]{48}").Value;
            Assert.NotEmpty(firstToken);

            using var pinned = RealHost.PinnedClient(host.AdminUri, f => f == fingerprint, firstToken);
            var status = await pinned.GetFromJsonAsync<JsonElement>("/api/status");
            Assert.Equal(fingerprint, status.GetProperty("certificateFingerprint").GetString());

            using var wrongPin = RealHost.PinnedClient(host.AdminUri, _ => false, firstToken);
            await Assert.ThrowsAsync<HttpRequestException>(() => wrongPin.GetAsync("/api/status"));

            using var kiosk = new HttpClient { BaseAddress = host.KioskUri };
            var page = await kiosk.GetStringAsync("/dashboard/");
            Assert.Contains("<title>Appliance dashboard</title>", page);
            Assert.Equal(HttpStatusCode.Unauthorized, (await kiosk.GetAsync("/api/status")).StatusCode);
        }

        var secondBanner = new StringWriter();
        await using (var again = await RealHost.StartAsync(Path.Combine(_dir.Path, "state"), Path.Combine(_dir.Path, "config"), banner: secondBanner))
        {
            Assert.Equal(fingerprint, again.Services.GetRequiredService<DeviceCertificate>().Fingerprint);
            Assert.Equal("", secondBanner.ToString());
        }
    }

    [Fact]
    public async Task Notify_sequence_ready_status_watchdog_and_a_wedged_pipeline_stops_the_pings()
    {
        using var listener = new NotifyListener(Path.Combine(_dir.Path, "notify.sock"));
        await using var host = await RealHost.StartAsync(_dir.Sub("state"), _dir.Sub("config"), listener.Address, TimeSpan.FromSeconds(2));

        Assert.Equal("STATUS=starting: loading models, opening audio", listener.WaitFor(m => m.StartsWith("STATUS=starting", StringComparison.Ordinal)));
        Assert.Equal("READY=1\nSTATUS=listening · llm qwen-1.5b q4_0 sapphirerapids · 0 turns", listener.WaitFor(m => m.StartsWith("READY=1", StringComparison.Ordinal)));
        listener.WaitFor(m => m == "WATCHDOG=1");
        listener.WaitFor(m => m == "WATCHDOG=1");

        host.Pipeline.Wedged = true;
        listener.WaitFor(m => m.StartsWith("STATUS=pipeline wedged", StringComparison.Ordinal));
        // Three whole ping intervals (1 s each: half of WatchdogSec=2 s) with the pipeline wedged: not a single ping.
        Assert.DoesNotContain("WATCHDOG=1", listener.Collect(3000));

        host.Pipeline.Wedged = false;
        listener.WaitFor(m => m == "WATCHDOG=1");

        host.Pipeline.Turns.Enqueue(FakePipeline.SampleTurn(1, DateTimeOffset.UtcNow, 640));
        listener.WaitFor(m => m == "STATUS=listening · llm qwen-1.5b q4_0 sapphirerapids · 1 turn");

        await host.StopAsync();
        listener.WaitFor(m => m.StartsWith("STOPPING=1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Ready_is_not_sent_while_models_are_still_loading()
    {
        using var listener = new NotifyListener(Path.Combine(_dir.Path, "notify.sock"));
        var pipeline = new FakePipeline { ModelsLoaded = false };
        await using var host = await RealHost.StartAsync(_dir.Sub("state"), _dir.Sub("config"), listener.Address, pipeline: pipeline);
        listener.WaitFor(m => m.StartsWith("STATUS=starting", StringComparison.Ordinal));
        Assert.DoesNotContain(listener.Collect(800), m => m.Contains("READY=1", StringComparison.Ordinal));
        pipeline.ModelsLoaded = true;
        listener.WaitFor(m => m.StartsWith("READY=1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Stop_mid_utterance_cancels_the_utterance_within_the_shutdown_budget()
    {
        using var listener = new NotifyListener(Path.Combine(_dir.Path, "notify.sock"));
        await using var host = await RealHost.StartAsync(_dir.Sub("state"), _dir.Sub("config"), listener.Address);
        Assert.Equal(TimeSpan.FromSeconds(5), host.Services.GetRequiredService<IOptions<HostOptions>>().Value.ShutdownTimeout);
        host.Pipeline.BeginUtterance();
        listener.WaitFor(m => m.StartsWith("READY=1", StringComparison.Ordinal));

        await host.StopAsync();
        Assert.True(host.Pipeline.UtteranceCancelled!.Task.IsCompletedSuccessfully);
        Assert.Contains(listener.All, m => m.StartsWith("STOPPING=1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Sighup_reloads_the_configuration_without_reopening_audio()
    {
        using var listener = new NotifyListener(Path.Combine(_dir.Path, "notify.sock"));
        var config = _dir.Sub("config");
        await using var host = await RealHost.StartAsync(_dir.Sub("state"), config, listener.Address);
        listener.WaitFor(m => m.StartsWith("READY=1", StringComparison.Ordinal));

        File.WriteAllText(Path.Combine(config, ConfigStore.FileName), "persona:\n  name: Reloaded\n");
        using (var kill = Process.Start("kill", $"-HUP {Environment.ProcessId}"))
        {
            await kill.WaitForExitAsync();
        }
        listener.WaitFor(m => m.StartsWith("RELOADING=1\nMONOTONIC_USEC=", StringComparison.Ordinal));
        listener.WaitFor(m => m == "READY=1\nSTATUS=configuration reloaded");
        Assert.Equal("Reloaded", host.Services.GetRequiredService<ConfigStore>().Current.Persona.Name);
        Assert.Equal("Reloaded", host.Pipeline.Applied.Last().Persona.Name);
        Assert.Equal(1, host.Pipeline.AudioOpenCount);
        Assert.Equal(1, host.Pipeline.Starts);

        File.WriteAllText(Path.Combine(config, ConfigStore.FileName), "persona:\n  name: [broken\n");
        using (var kill = Process.Start("kill", $"-HUP {Environment.ProcessId}"))
        {
            await kill.WaitForExitAsync();
        }
        listener.WaitFor(m => m.StartsWith("READY=1\nSTATUS=configuration reload failed, kept the previous one: ", StringComparison.Ordinal));
        Assert.Equal("Reloaded", host.Services.GetRequiredService<ConfigStore>().Current.Persona.Name);
    }
}
