using System.Text.RegularExpressions;
using Appliance.Avatar.Measurement;
using Appliance.Service.Runtime;
using Appliance.Service.Security;
using Appliance.Service.Tests.Support;
using Appliance.TestSupport;
using Xunit.Abstractions;

namespace Appliance.Service.Tests;

/// <summary>
/// The dashboard in headless Chromium (driven over DevTools: each check waits for the page's own
/// "loaded" mark, however slow the box) against the real host (kiosk HTTP port on loopback): the
/// rendered DOM shows the state, one row with a stage waterfall per turn, p50/p95 lines and levels;
/// a screenshot goes to artifacts/dashboard.png.
/// </summary>
public sealed class DashboardTests(ITestOutputHelper output) : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Dashboard_renders_state_turns_waterfalls_percentiles_and_levels()
    {
        Assert.True(File.Exists(HeadlessChromium.DefaultBinary), "chromium is installed by image/dev/setup");
        var pipeline = new FakePipeline { State = PipelineState.Speaking };
        var start = DateTimeOffset.UtcNow.AddMinutes(-10);
        for (var i = 1; i <= 12; i++)
        {
            pipeline.Turns.Enqueue(FakePipeline.SampleTurn(i, start.AddSeconds(40 * i), 550 + (i % 5) * 90));
        }
        await using var host = await RealHost.StartAsync(_dir.Sub("state"), _dir.Sub("config"), pipeline: pipeline);
        var url = $"{host.KioskUri}dashboard/#token={host.TokenFor(Roles.Viewer)}";

        await using var chromium = await HeadlessChromium.StartAsync(1280, 900);
        await chromium.NavigateAsync(new Uri(url), "document.body.dataset.loaded === 'true'");
        var dom = await Dom(chromium);
        Assert.Contains("data-loaded=\"true\"", dom);
        Assert.Matches("<span id=\"state\" class=\"state speaking\">speaking</span>", dom);
        Assert.Contains("speaking · llm qwen-1.5b q4_0 sapphirerapids · 12 turns", dom);
        Assert.Equal(12, Regex.Matches(dom, "<tr data-turn-id=\"turn-\\d+\"").Count);
        Assert.Equal(12 * 5, Regex.Matches(dom, "<rect [^>]*data-stage=").Count);
        Assert.Contains("data-stage=\"llm\"", dom);
        var p50 = Regex.Match(dom, "<polyline id=\"p50\"[^>]*points=\"([^\"]+)\"").Groups[1].Value;
        var p95 = Regex.Match(dom, "<polyline id=\"p95\"[^>]*points=\"([^\"]+)\"").Groups[1].Value;
        Assert.Equal(12, p50.Split(' ').Length);
        Assert.Equal(12, p95.Split(' ').Length);
        Assert.Matches("now p50 \\d+ ms · p95 \\d+ ms · n 12", dom);
        Assert.Equal(5, Regex.Matches(dom, "class=\"level\"").Count);
        Assert.Contains("(barge-in)", dom);
        Assert.DoesNotContain("question 3", dom);

        var screenshot = Path.Combine(Repo.Artifacts, "dashboard.png");
        File.Delete(screenshot);
        await File.WriteAllBytesAsync(screenshot, await chromium.ScreenshotAsync());
        Assert.True(new FileInfo(screenshot).Length > 10_000, "screenshot written");
        output.WriteLine($"screenshot: {screenshot}");
    }

    [Fact]
    public async Task Dashboard_without_a_token_asks_for_one()
    {
        await using var host = await RealHost.StartAsync(_dir.Sub("state"), _dir.Sub("config"));
        await using var chromium = await HeadlessChromium.StartAsync(1280, 900);
        await chromium.NavigateAsync(new Uri($"{host.KioskUri}dashboard/"), "document.querySelector('#token-form:not([hidden])') !== null");
        var dom = await Dom(chromium);
        Assert.Contains("data-loaded=\"false\"", dom);
        Assert.Matches("<form id=\"token-form\">", dom);
    }

    private static async Task<string> Dom(HeadlessChromium chromium) =>
        (string?)await chromium.EvaluateAsync("document.documentElement.outerHTML") ?? "";
}
