using System.Diagnostics;
using Appliance.Core.Dialog;
using Appliance.TestSupport;

namespace Appliance.Models.Llama.Tests;

[Collection(LlamaCollection.Name)]
public sealed class GoldenTests(LlamaFixture fixture)
{
    /// <summary>
    /// Greedy continuation of "Once upon a time" by stories260K. The brief calls it "the first 40 tokens";
    /// with this model's 512-token vocabulary the text is exactly 60 generated tokens (40 end at "red ball.").
    /// </summary>
    public const int GoldenTokens = 60;

    public const string Golden = ", there was a little girl named Lily. She loved to play outside in the park. One day, she saw a big, red ball. She wanted to play with it, but it was too high.\nLily";

    [Fact]
    public void GreedyStories260KMatchesGolden()
    {
        using var context = fixture.Stories.CreateContext(new LlamaContextOptions { Threads = 1 });
        var result = context.Complete("Once upon a time", GenerationOptions.Greedy with { MaxTokens = GoldenTokens });
        Assert.Equal(Golden, result.Text);
        Assert.Equal(GoldenTokens, result.Tokens.Count);
        Assert.Equal(FinishReason.MaxTokens, result.Timings.FinishReason);
    }

    [Fact]
    public async Task StreamingGivesTheSameTextAsTheSynchronousCall()
    {
        using var context = fixture.Stories.CreateContext(new LlamaContextOptions { Threads = 1 });
        var pieces = new List<string>();
        await foreach (var piece in context.CompleteAsync("Once upon a time", GenerationOptions.Greedy with { MaxTokens = GoldenTokens }))
        {
            pieces.Add(piece);
        }
        Assert.Equal(Golden, string.Concat(pieces));
        Assert.True(pieces.Count > 10);
    }

    /// <summary>A forced lower CPU variant (own process: a variant is fixed per process) gives the same text.</summary>
    [Theory]
    [InlineData("haswell")]
    [InlineData("sse42")]
    public async Task ForcedVariantInChildProcessMatchesGolden(string variant)
    {
        var self = typeof(Program).Assembly.Location;
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { self, "variant-child", variant, SharedData.Stories260K, "Once upon a time", GoldenTokens.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(a);
        }
        using var child = Process.Start(start)!;
        var stderr = child.StandardError.ReadToEndAsync();
        var stdout = await child.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await child.WaitForExitAsync(timeout.Token);
        Assert.True(child.ExitCode == 0, $"child failed ({child.ExitCode}): {await stderr}");
        var newline = stdout.IndexOf('\n', StringComparison.Ordinal);
        Assert.Equal(variant, stdout[..newline]);
        Assert.Equal(Golden, stdout[(newline + 1)..]);
    }
}
