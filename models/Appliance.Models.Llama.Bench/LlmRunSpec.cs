using System.Globalization;

namespace Appliance.Models.Llama.Bench;

/// <summary>
/// One measurement: a model on one CPU variant at one thread count. Both runners (the C# binding in a
/// child process and the native C program) take exactly these settings.
/// </summary>
public sealed record LlmRunSpec(
    string Variant,
    string ModelPath,
    int Threads,
    int PrefillTokens = 128,
    int DecodeTokens = 32,
    int Repeats = 3,
    int ContextLength = 1024,
    int BatchSize = 512,
    bool PersonaTest = false)
{
    /// <summary>The prompt token ids both runners use (llama_bench.c prompt_token): deterministic, ordinary tokens.</summary>
    public static int[] PromptTokens(int count, int vocabSize, int offset = 0)
    {
        var span = Math.Min(vocabSize, 32000) - 300;
        return Enumerable.Range(offset, count).Select(i => 259 + (int)((long)i * 7919 % span)).ToArray();
    }

    public IEnumerable<string> ToArguments()
    {
        string I(int v) => v.ToString(CultureInfo.InvariantCulture);
        return ["--variant", Variant, "--model", ModelPath, "--threads", I(Threads), "--prefill", I(PrefillTokens),
            "--decode", I(DecodeTokens), "--repeats", I(Repeats), "--ctx", I(ContextLength), "--batch", I(BatchSize)];
    }
}
