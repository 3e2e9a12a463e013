using Appliance.Core.Native;

namespace Appliance.Models.OnnxRuntime.Tests;

/// <summary>One environment for the whole test assembly (ORT keeps a single process-wide env anyway).</summary>
public sealed class OrtFixture : IDisposable
{
    public OrtFixture()
    {
        OnnxRuntimeLibrary.Initialize();
        Environment = OrtEnvironment.Create(OrtLoggingLevel.Error, "tests");
    }

    public OrtEnvironment Environment { get; }

    public static string OpenWakeWordModel(string file) =>
        AppliancePaths.BundledModel(Path.Combine("openwakeword", file))
        ?? throw new InvalidOperationException($"openwakeword/{file} is not installed; run image/dev/setup");

    public void Dispose() => Environment.Dispose();
}

[CollectionDefinition("ort")]
public sealed class OrtCollection : ICollectionFixture<OrtFixture>;
