using System.CommandLine;
using Appliance.Models.Gguf;
using Appliance.Models.Gguf.Synthetic;
using Appliance.Models.Llama.Bench;

namespace Appliance.Host.Cli;

/// <summary>`models synth --shape qwen2.5-0.5b --type q4_0 [--out PATH]`: a random-weight model in a production shape.</summary>
internal static class ModelsSynthCommands
{
    public static Command Create()
    {
        var shape = new Option<string>("--shape") { Description = $"One of: {string.Join(", ", ModelShape.All.Select(s => s.Name))}", DefaultValueFactory = _ => "qwen2.5-0.5b" };
        var type = new Option<string>("--type") { Description = $"One of: {string.Join(", ", SyntheticModels.Types)}", DefaultValueFactory = _ => "q4_0" };
        var output = new Option<string?>("--out") { Description = "Output GGUF (default .cache/models/synthetic/SHAPE-TYPE.gguf)" };
        var vocab = new Option<string?>("--vocab") { Description = "GGUF whose SentencePiece vocabulary is padded (default ../shared/models/llm/llama-2-tiny-random.gguf)" };
        var force = new Option<bool>("--force") { Description = "Regenerate even if the file exists" };
        var synth = new Command("synth", "Write a random-weight GGUF in a production shape (F16 by the C# writer, other types via llama_model_quantize)")
        {
            shape, type, output, vocab, force,
        };
        synth.SetAction(parse =>
        {
            var s = ModelShape.Get(parse.GetValue(shape)!);
            var path = SyntheticModels.Ensure(s, parse.GetValue(type)!, parse.GetValue(output), parse.GetValue(vocab), parse.GetValue(force), Console.Error.WriteLine);
            var f = GgufReader.Read(path);
            Console.WriteLine($"{path}: {f.Architecture}, {f.Tensors.Count} tensors, {f.TensorBytes / 1e6:F1} MB tensor data " +
                $"({string.Join(", ", f.BytesByType.OrderByDescending(kv => kv.Value).Select(kv => $"{kv.Key} {kv.Value / 1e6:F1} MB"))})");
            return 0;
        });
        var models = new Command("models", "Model files");
        models.Subcommands.Add(synth);
        return models;
    }
}
