using Appliance.Core.Native;
using Appliance.Models.Gguf;
using Appliance.Models.Gguf.Synthetic;

namespace Appliance.Models.Llama.Bench;

/// <summary>
/// Synthetic production-shape models in .cache/models/synthetic: the F16 file is written by the C#
/// generator, other types come from it through llama_model_quantize (the binding's LlamaQuantizer).
/// </summary>
public static class SyntheticModels
{
    public static readonly string[] Types = ["f16", "f32", "q4_0", "q8_0", "bf16", "q4_1", "q5_0", "q6_k", "q4_k_m"];

    public static string DefaultDirectory()
    {
        var cache = AppliancePaths.FindCacheRoot() ?? throw new DirectoryNotFoundException("no .cache found; run image/dev/setup");
        return Path.Combine(cache, "models", "synthetic");
    }

    /// <summary>The Llama-2 SPM vocabulary donor (../shared/models/llm/llama-2-tiny-random.gguf).</summary>
    public static string DefaultVocabDonor()
    {
        var shared = Environment.GetEnvironmentVariable("APPLIANCE_SHARED");
        var candidates = new List<string>();
        if (!string.IsNullOrEmpty(shared))
        {
            candidates.Add(Path.Combine(shared, "models", "llm", "llama-2-tiny-random.gguf"));
        }
        for (var dir = new DirectoryInfo(AppliancePaths.FindRepositoryRoot() ?? AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            candidates.Add(Path.Combine(dir.FullName, "shared", "models", "llm", "llama-2-tiny-random.gguf"));
        }
        return candidates.FirstOrDefault(File.Exists)
            ?? throw new FileNotFoundException("vocabulary donor llama-2-tiny-random.gguf not found (../shared/models/llm or $APPLIANCE_SHARED); pass --vocab");
    }

    public static string PathFor(ModelShape shape, string type, string? directory = null) =>
        Path.Combine(directory ?? DefaultDirectory(), $"{shape.Name}-{type.ToLowerInvariant()}.gguf");

    /// <summary>Returns the model file, generating/quantising it first when it does not exist (or <paramref name="force"/>).</summary>
    public static string Ensure(ModelShape shape, string type, string? output = null, string? vocabDonor = null, bool force = false, Action<string>? log = null)
    {
        type = type.ToLowerInvariant();
        if (!Types.Contains(type))
        {
            throw new ArgumentException($"unknown type '{type}'; known: {string.Join(", ", Types)}");
        }
        var target = output ?? PathFor(shape, type);
        if (File.Exists(target) && !force)
        {
            return target;
        }
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(target))!);
        if (type is "f16" or "f32")
        {
            log?.Invoke($"writing {shape.Name} {type} ({shape.Parameters / 1e6:F0} M parameters) to {target}");
            SyntheticModelWriter.Write(target, shape, vocabDonor ?? DefaultVocabDonor(), type == "f16" ? GgmlType.F16 : GgmlType.F32);
            return target;
        }
        var f16 = Ensure(shape, "f16", PathFor(shape, "f16", Path.GetDirectoryName(Path.GetFullPath(target))), vocabDonor, force: false, log);
        log?.Invoke($"quantising {f16} → {target} ({type}) with llama_model_quantize");
        var partial = target + ".partial";
        LlamaQuantizer.Quantize(f16, partial, type.ToUpperInvariant());
        File.Move(partial, target, overwrite: true);
        return target;
    }
}
