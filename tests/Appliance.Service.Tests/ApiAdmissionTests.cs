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
        // Burst 1, queue 1, and no refill for a minute: of three requests at once one is served, one waits
        // in the queue, one is refused.
        using var factory = new ServiceFactory(o =>
        {
            o.ApiRequestsPerSecond = 1;
            o.ApiRefillPeriod = TimeSpan.FromMinutes(1);
            o.ApiBurst = 1;
            o.ApiQueueLimit = 1;
        });
        var client = factory.ClientFor(Roles.Viewer);
        using var giveUp = new CancellationTokenSource();
        var requests = Enumerable.Range(0, 3).Select(_ => client.GetAsync("/api/health/live", giveUp.Token)).ToList();
        var answered = new List<HttpResponseMessage>();
        for (var i = 0; i < 2; i++)
        {
            var done = await Task.WhenAny(requests).WaitAsync(TimeSpan.FromSeconds(30));
            requests.Remove(done);
            answered.Add(await done);
        }
        Assert.Single(answered, r => r.StatusCode == HttpStatusCode.OK);
        var refused = Assert.Single(answered, r => r.StatusCode == HttpStatusCode.ServiceUnavailable);
        var queued = Assert.Single(requests);
        await Task.Delay(200);
        Assert.False(queued.IsCompleted, "the third request should still wait in the queue for the next refill");
        await giveUp.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => queued);
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
