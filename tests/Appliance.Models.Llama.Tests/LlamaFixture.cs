using Appliance.TestSupport;

namespace Appliance.Models.Llama.Tests;

/// <summary>One runtime (auto variant) and the shared stories260K model for the whole test run.</summary>
public sealed class LlamaFixture : IDisposable
{
    public LlamaFixture()
    {
        Info = LlamaRuntime.Initialize();
        Stories = LlamaModel.Load(SharedData.Stories260K);
    }

    public LlamaBackendInfo Info { get; }

    public LlamaModel Stories { get; }

    public void Dispose() => Stories.Dispose();
}

[CollectionDefinition(Name)]
public sealed class LlamaCollection : ICollectionFixture<LlamaFixture>
{
    public const string Name = "llama";
}
