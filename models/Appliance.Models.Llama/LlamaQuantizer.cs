using Appliance.Models.Llama.Native;

namespace Appliance.Models.Llama;

/// <summary>llama_model_quantize: writes a GGUF with the weights converted to another type.</summary>
public static class LlamaQuantizer
{
    /// <summary>Names accepted by <see cref="Quantize"/> → enum llama_ftype.</summary>
    public static IReadOnlyDictionary<string, int> FileTypes { get; } = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase)
    {
        ["F32"] = 0, ["F16"] = 1, ["Q4_0"] = 2, ["Q4_1"] = 3, ["Q8_0"] = 7, ["Q5_0"] = 8, ["Q5_1"] = 9,
        ["Q2_K"] = 10, ["Q3_K_S"] = 11, ["Q3_K_M"] = 12, ["Q3_K_L"] = 13, ["Q4_K_S"] = 14, ["Q4_K_M"] = 15,
        ["Q5_K_S"] = 16, ["Q5_K_M"] = 17, ["Q6_K"] = 18, ["IQ4_NL"] = 25, ["BF16"] = 32,
    };

    /// <exception cref="ArgumentException">unknown type name.</exception>
    /// <exception cref="LlamaModelFileException">input missing/truncated/not GGUF.</exception>
    /// <exception cref="LlamaException">llama.cpp failed (message quotes its log).</exception>
    public static unsafe void Quantize(string input, string output, string type, int threads = 0)
    {
        if (!FileTypes.TryGetValue(type, out var ftype))
        {
            throw new ArgumentException($"unknown quantization type '{type}'; known: {string.Join(", ", FileTypes.Keys)}", nameof(type));
        }
        var inPath = Path.GetFullPath(input);
        var outPath = Path.GetFullPath(output);
        if (inPath == outPath)
        {
            throw new ArgumentException("input and output must differ", nameof(output));
        }
        GgufFile.Validate(inPath);
        LlamaRuntime.EnsureInitialized();
        var p = LlamaNative.llama_model_quantize_default_params();
        p.ftype = ftype;
        p.nthread = threads;
        var rc = LlamaNative.llama_model_quantize(inPath, outPath, &p);
        if (rc != 0)
        {
            throw new LlamaException($"llama_model_quantize({inPath} → {outPath}, {type}) failed with {rc}; {LlamaLog.RecentErrors()}");
        }
    }
}
