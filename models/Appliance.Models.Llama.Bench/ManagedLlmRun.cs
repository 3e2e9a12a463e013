using Appliance.Core.Dialog;

namespace Appliance.Models.Llama.Bench;

/// <summary>
/// The C# side of a measurement, run inside a child process (the CPU variant is fixed per process):
/// the product path, LlamaContext.Generate with greedy sampling, timed by the binding's own clock.
/// </summary>
public static class ManagedLlmRun
{
    public static LlmRunResult Run(LlmRunSpec spec)
    {
        var info = LlamaRuntime.Initialize(new LlamaRuntimeOptions { CpuVariant = spec.Variant });
        using var model = LlamaModel.Load(spec.ModelPath);
        using var context = model.CreateContext(new LlamaContextOptions
        {
            ContextLength = spec.ContextLength,
            BatchSize = spec.BatchSize,
            Threads = spec.Threads,
            BatchThreads = spec.Threads,
        });
        var prompt = LlmRunSpec.PromptTokens(spec.PrefillTokens, model.VocabSize);
        var options = GenerationOptions.Greedy with { MaxTokens = spec.DecodeTokens };
        var timings = new List<GenerationTimings>();
        for (var r = -1; r < spec.Repeats; r++) // r = -1: untimed warm-up that pages the weights in
        {
            context.ClearCache();
            var result = context.Generate(prompt, options);
            if (r >= 0)
            {
                timings.Add(result.Timings);
            }
        }
        double? reuse = null, noReuse = null;
        if (spec.PersonaTest)
        {
            (reuse, noReuse) = SecondTurn(context, prompt, model.VocabSize, spec.Repeats);
        }
        return new LlmRunResult
        {
            Runner = "csharp",
            Variant = info.Variant,
            Threads = spec.Threads,
            PrefillTokens = spec.PrefillTokens,
            GeneratedTokens = timings[^1].GeneratedTokens,
            Repeats = spec.Repeats,
            PrefillTokS = Stats.Median(timings.Select(t => t.PrefillTokensPerSecond)),
            DecodeTokS = Stats.Median(timings.Select(t => t.DecodeTokensPerSecond)),
            TtftMs = Stats.Median(timings.Select(t => t.TimeToFirstTokenMs)),
            SecondTurnTtftReuseMs = reuse,
            SecondTurnTtftNoReuseMs = noReuse,
        };
    }

    /// <summary>
    /// Turn 1 = the prompt (persona + first question), a short reply; turn 2 = the same prefix plus 32 new
    /// tokens. With reuse the context keeps the common prefix; without, the cache is cleared first.
    /// </summary>
    private static (double Reuse, double NoReuse) SecondTurn(LlamaContext context, int[] persona, int vocab, int repeats)
    {
        var turn2 = persona.Concat(LlmRunSpec.PromptTokens(32, vocab, offset: persona.Length + 1000)).ToArray();
        var reply = GenerationOptions.Greedy with { MaxTokens = 4 };
        var first = GenerationOptions.Greedy with { MaxTokens = 1 };
        var withReuse = new List<double>();
        var without = new List<double>();
        for (var r = 0; r < repeats; r++)
        {
            context.ClearCache();
            context.Generate(persona, reply);
            withReuse.Add(context.Generate(turn2, first).Timings.TimeToFirstTokenMs);
            context.ClearCache();
            without.Add(context.Generate(turn2, first).Timings.TimeToFirstTokenMs);
        }
        return (Stats.Median(withReuse), Stats.Median(without));
    }
}
