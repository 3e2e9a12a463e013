using Appliance.Models.Gguf.Synthetic;
using Appliance.TestSupport;

namespace Appliance.Models.Llama.Bench.Tests;

/// <summary>
/// One tiny qwen2-architecture model (real Llama-2 vocabulary padded to 32768) written by the C# writer
/// into a temporary folder, with its quantised variants, shared by the tests; deleted afterwards.
/// </summary>
public sealed class TinySyntheticFixture : IDisposable
{
    public TinySyntheticFixture()
    {
        Info = LlamaRuntime.Initialize();
        Directory = System.IO.Directory.CreateTempSubdirectory("synth").FullName;
        F16 = SyntheticModels.Ensure(ModelShape.Tiny, "f16", SyntheticModels.PathFor(ModelShape.Tiny, "f16", Directory), SharedData.TinyRandomLlama);
    }

    public LlamaBackendInfo Info { get; }

    public string Directory { get; }

    public string F16 { get; }

    public string Quantized(string type) =>
        SyntheticModels.Ensure(ModelShape.Tiny, type, SyntheticModels.PathFor(ModelShape.Tiny, type, Directory), SharedData.TinyRandomLlama);

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}

[CollectionDefinition(Name)]
public sealed class SyntheticCollection : ICollectionFixture<TinySyntheticFixture>
{
    public const string Name = "synthetic";
}
