using Appliance.Avatar.Hub;
using Appliance.Avatar.Measurement;

namespace Appliance.Avatar.Tests;

/// <summary>
/// Renders every expression, gesture and pose in headless Chromium from the real server, saves the PNGs
/// to artifacts/avatar/ and checks each one looks different from every other.
/// </summary>
public class ScreenshotTests
{
    public static readonly string[] Shots =
    [
        "expression=neutral", "expression=happy", "expression=sad", "expression=surprised", "expression=angry", "expression=thinking",
        "gesture=wave&phase=0.35", "gesture=heart&phase=0.5", "gesture=bow&phase=0.5", "gesture=point&phase=0.5", "gesture=akimbo&phase=0.5",
        "state=listening", "state=thinking", "viseme=AA&expression=happy&subtitle=Hello!%20Welcome%20to%20the%20museum.",
    ];

    [Fact]
    public async Task EveryExpressionAndGestureRendersDistinctly()
    {
        await using var server = await AvatarServer.StartAsync(0);
        await using var chromium = await HeadlessChromium.StartAsync(600, 800);
        var folder = RepoPaths.Artifacts("avatar");
        var images = new List<(string Name, PngPixels Pixels)>();
        foreach (var shot in Shots)
        {
            await chromium.NavigateAsync(new Uri(server.PageUri, $"?still&offline&{shot}"), "document.body.dataset.ready === '1'");
            var error = (string?)await chromium.EvaluateAsync("document.body.dataset.error || ''");
            Assert.True(string.IsNullOrEmpty(error), error);
            var png = await chromium.ScreenshotAsync();
            var name = shot.Split('&')[0].Replace('=', '-');
            if (shot.StartsWith("viseme", StringComparison.Ordinal))
            {
                name = "speaking-subtitle";
            }
            await File.WriteAllBytesAsync(Path.Combine(folder, name + ".png"), png);
            images.Add((name, PngPixels.Decode(png)));
        }
        for (var i = 0; i < images.Count; i++)
        {
            for (var j = i + 1; j < images.Count; j++)
            {
                var fraction = images[i].Pixels.DifferentFraction(images[j].Pixels);
                Assert.True(fraction > 0.001, $"{images[i].Name} and {images[j].Name} differ in only {fraction:P3} of pixels");
            }
        }
    }
}
