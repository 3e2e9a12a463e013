using System.Net;
using Appliance.Service.Metrics;
using Appliance.Service.Security;
using Appliance.Service.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Appliance.Service.Tests;

/// <summary>
/// The admin API's global admission (one token bucket for all clients, a bounded queue, then 503) and the
/// audio-path figures /metrics exposes for it.
/// </summary>
public sealed class ApiAdmissionTests
{
    [Fact]
    public async Task Over_the_global_rate_requests_queue_and_beyond_the_queue_get_503()
    {
        // One request a second, burst 1, queue 1: of three at once one is served, one waits, one is refused.
        using var factory = new ServiceFactory(o =>
        {
            o.ApiRequestsPerSecond = 1;
            o.ApiBurst = 1;
            o.ApiQueueLimit = 1;
        });
        var client = factory.ClientFor(Roles.Viewer);
        var responses = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => client.GetAsync("/api/health/live")));
        Assert.Equal(2, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        var refused = Assert.Single(responses, r => r.StatusCode == HttpStatusCode.ServiceUnavailable);
        var problem = await HttpAssert.Problem(refused, HttpStatusCode.ServiceUnavailable);
        Assert.Contains("queue", problem.GetProperty("detail").GetString());
        Assert.Equal(TimeSpan.FromSeconds(1), refused.Headers.RetryAfter?.Delta);
    }

    [Fact]
    public async Task Metrics_show_audio_path_counters_and_frame_lateness()
    {
        using var factory = new ServiceFactory();
        var metrics = factory.Services.GetRequiredService<ApplianceMetrics>();
        metrics.AttachAudioPath(() => new AudioPathCounters(CaptureOverruns: 2, PlaybackUnderruns: 3, DroppedBlocks: 4, DeviceLosses: 1));
        metrics.RecordFrameLateness(0.3);
        metrics.RecordFrameLateness(12);
        var text = await factory.ClientFor(Roles.Viewer).GetStringAsync("/metrics");
        Assert.Contains("appliance_audio_xruns_total 5", text);
        Assert.Contains("appliance_audio_capture_overruns_total 2", text);
        Assert.Contains("appliance_audio_playback_underruns_total 3", text);
        Assert.Contains("appliance_audio_dropped_blocks_total 4", text);
        Assert.Contains("appliance_audio_device_losses_total 1", text);
        Assert.Contains("appliance_audio_frames_total 2", text);
        Assert.Contains("appliance_audio_frame_lateness_ms_bucket{le=\"0.5\"} 1", text);
        Assert.Contains("appliance_audio_frame_lateness_ms_bucket{le=\"15\"} 2", text);
        Assert.Contains("appliance_audio_frame_lateness_ms_count 2", text);
    }
}
