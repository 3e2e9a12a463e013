using Appliance.Core.Dialog;

namespace Appliance.Models.Llama.Tests;

[Collection(LlamaCollection.Name)]
public sealed class GenerationTests(LlamaFixture fixture)
{
    private const string Prompt = "Once upon a time";

    private LlamaContext NewContext() => fixture.Stories.CreateContext(new LlamaContextOptions { Threads = 1 });

    [Fact]
    public void CancellingStopsBeforeTheNextToken()
    {
        using var context = NewContext();
        using var cts = new CancellationTokenSource();
        var pieces = 0;
        var result = context.Generate(fixture.Stories.Tokenize(Prompt), GenerationOptions.Greedy with { MaxTokens = 200 }, _ =>
        {
            if (++pieces == 5)
            {
                cts.Cancel();
            }
        }, cts.Token);
        Assert.Equal(FinishReason.Cancelled, result.Timings.FinishReason);
        Assert.Equal(5, result.Tokens.Count);
        Assert.Equal(5, pieces);
    }

    [Fact]
    public async Task CancellingTheStreamThrowsAndFreesTheContext()
    {
        using var context = NewContext();
        using var cts = new CancellationTokenSource();
        var received = 0;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in context.CompleteAsync(Prompt, GenerationOptions.Greedy with { MaxTokens = 400 }, cts.Token))
            {
                if (++received == 3)
                {
                    await cts.CancelAsync();
                }
            }
        });
        Assert.Equal(3, received);
        Assert.Equal(FinishReason.Cancelled, context.LastTimings!.FinishReason);
        Assert.True(context.LastTimings.GeneratedTokens < 400);
        // The context is immediately usable again and still right.
        Assert.Equal(GoldenTests.Golden, context.Complete(Prompt, GenerationOptions.Greedy with { MaxTokens = GoldenTests.GoldenTokens }).Text);
    }

    /// <summary>An already-cancelled token reaches llama_decode through the abort callback (the prefill path).</summary>
    [Fact]
    public void AbortCallbackStopsPrefillAndKeepsTheCacheConsistent()
    {
        using var context = NewContext();
        var result = context.Generate(fixture.Stories.Tokenize(Prompt), GenerationOptions.Greedy, null, new CancellationToken(canceled: true));
        Assert.Equal(FinishReason.Cancelled, result.Timings.FinishReason);
        Assert.Empty(result.Tokens);
        Assert.Equal(0, result.Timings.PromptTokensEvaluated);
        Assert.Empty(context.EvaluatedTokens);
        Assert.Equal(GoldenTests.Golden, context.Complete(Prompt, GenerationOptions.Greedy with { MaxTokens = GoldenTests.GoldenTokens }).Text);
    }

    [Fact]
    public void BreakingOutOfTheStreamEarlyStopsDecoding()
    {
        using var context = NewContext();
        var first = context.CompleteAsync(Prompt, GenerationOptions.Greedy with { MaxTokens = 400 }).ToBlockingEnumerable().Take(2).ToList();
        Assert.Equal(2, first.Count);
        Assert.Equal(FinishReason.Cancelled, context.LastTimings!.FinishReason);
    }

    [Fact]
    public void StopStringIsNotEmittedAndEndsGeneration()
    {
        using var context = NewContext();
        var result = context.Complete(Prompt, GenerationOptions.Greedy with { MaxTokens = 100, Stop = ["named Lily"] });
        Assert.Equal(", there was a little girl ", result.Text);
        Assert.Equal(FinishReason.StopString, result.Timings.FinishReason);
    }

    [Fact]
    public async Task StopStringSplitAcrossTokensIsHeldBack()
    {
        using var context = NewContext();
        var pieces = new List<string>();
        // "outside" arrives as " ", "out", "s", "id", "e": nothing of it may leak before the match.
        await foreach (var p in context.CompleteAsync(Prompt, GenerationOptions.Greedy with { MaxTokens = 100, Stop = ["outside in"] }))
        {
            pieces.Add(p);
        }
        Assert.Equal(", there was a little girl named Lily. She loved to play ", string.Concat(pieces));
    }

    [Fact]
    public void MaxTokensBoundsTheReply()
    {
        using var context = NewContext();
        var result = context.Complete(Prompt, GenerationOptions.Greedy with { MaxTokens = 3 });
        Assert.Equal(", there was", result.Text);
        Assert.Equal(3, result.Timings.GeneratedTokens);
    }

    [Fact]
    public void SeededSamplingIsRepeatableAndDiffersFromGreedy()
    {
        using var context = NewContext();
        var options = new GenerationOptions(MaxTokens: 30, Temperature: 1.5f, TopK: 40, TopP: 0.95f, RepetitionPenalty: 1.1f, Seed: 1234);
        var a = context.Complete(Prompt, options).Text;
        var b = context.Complete(Prompt, options).Text;
        var c = context.Complete(Prompt, options with { Seed = 99 }).Text;
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }

    /// <summary>A second prompt that extends the first pays only for its new tokens.</summary>
    [Fact]
    public void SecondPromptReusesTheCommonPrefix()
    {
        using var context = NewContext();
        var persona = "Once upon a time, there was a little girl named Lily. She loved to play outside in the park with her dog, Max.";
        var first = context.Complete(persona + " One day", GenerationOptions.Greedy with { MaxTokens = 5 });
        Assert.Equal(0, first.Timings.PromptTokensReused);
        var second = context.Complete(persona + " The next morning", GenerationOptions.Greedy with { MaxTokens = 5 });
        Assert.True(second.Timings.PromptTokensReused >= fixture.Stories.Tokenize(persona).Length - 1, second.Timings.ToString());
        Assert.Equal(second.Timings.PromptTokens - second.Timings.PromptTokensReused, second.Timings.PromptTokensEvaluated);
        Assert.True(second.Timings.PromptTokensEvaluated * 4 < second.Timings.PromptTokens, second.Timings.ToString());
        // Same prompt again: only the last token is decoded again (its logits are needed).
        var third = context.Complete(persona + " The next morning", GenerationOptions.Greedy with { MaxTokens = 5 });
        Assert.Equal(1, third.Timings.PromptTokensEvaluated);
        Assert.Equal(second.Text, third.Text);
        // Reuse must not change results: a fresh context gives the same text.
        using var fresh = NewContext();
        Assert.Equal(second.Text, fresh.Complete(persona + " The next morning", GenerationOptions.Greedy with { MaxTokens = 5 }).Text);
    }

    [Fact]
    public void SavedSequenceStateRestoresTheContinuation()
    {
        using var context = NewContext();
        var prompt = fixture.Stories.Tokenize(Prompt);
        context.Generate(prompt, GenerationOptions.Greedy with { MaxTokens = 0 });
        Assert.Equal(prompt, context.EvaluatedTokens);
        var state = context.SaveSequenceState();
        Assert.NotEmpty(state.Data);
        Assert.Equal(prompt, state.Tokens);

        context.ClearCache();
        context.Complete("Lily and Max went to the beach.", GenerationOptions.Greedy with { MaxTokens = 4 });

        using var other = NewContext();
        other.RestoreSequenceState(state);
        Assert.Equal(prompt, other.EvaluatedTokens);
        var result = other.Generate(prompt, GenerationOptions.Greedy with { MaxTokens = GoldenTests.GoldenTokens });
        Assert.Equal(prompt.Length - 1, result.Timings.PromptTokensReused);
        Assert.Equal(GoldenTests.Golden, result.Text);
    }

    [Fact]
    public void CorruptStateIsRejected()
    {
        using var context = NewContext();
        Assert.Throws<LlamaException>(() => context.RestoreSequenceState(new LlamaSequenceState([1, 2, 3, 4, 5, 6, 7, 8], [1])));
        Assert.Empty(context.EvaluatedTokens);
    }

    [Fact]
    public void PromptLongerThanTheContextIsAClearError()
    {
        using var context = fixture.Stories.CreateContext(new LlamaContextOptions { ContextLength = 64, Threads = 1 });
        var tokens = Enumerable.Repeat(fixture.Stories.Tokenize(Prompt), context.ContextLength).SelectMany(t => t).ToArray();
        var e = Assert.Throws<ArgumentException>(() => context.Generate(tokens, GenerationOptions.Greedy));
        Assert.Contains($"context holds {context.ContextLength}", e.Message, StringComparison.Ordinal);
    }
}
