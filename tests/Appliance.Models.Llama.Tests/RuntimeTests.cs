namespace Appliance.Models.Llama.Tests;

[Collection(LlamaCollection.Name)]
public sealed class RuntimeTests(LlamaFixture fixture)
{
    [Fact]
    public void ReportsTheLoadedCpuVariantAndDevices()
    {
        var info = fixture.Info;
        Assert.Equal("auto", info.Requested);
        Assert.Contains(info.Variant, LlamaRuntime.AvailableVariants(info.NativeDirectory));
        Assert.EndsWith($"libggml-cpu-{info.Variant}.so", info.CpuLibrary, StringComparison.Ordinal);
        Assert.Contains("CPU", info.Registries);
        Assert.Contains(info.Devices, d => d.StartsWith("CPU: ", StringComparison.Ordinal));
        Assert.StartsWith("llama 0.5.0-dev, ggml 0.25.1", info.Version, StringComparison.Ordinal);
        Assert.Contains("AVX", info.SystemInfo, StringComparison.Ordinal);
        Assert.NotEmpty(info.Features);
    }

    [Fact]
    public void FourteenVariantsShip()
    {
        var variants = LlamaRuntime.AvailableVariants(fixture.Info.NativeDirectory);
        Assert.Equal(14, variants.Count);
        Assert.Contains("haswell", variants);
        Assert.Contains("x64", variants);
    }

    [Fact]
    public void InitializeIsIdempotentButCannotSwitchVariant()
    {
        Assert.Same(fixture.Info, LlamaRuntime.Initialize());
        Assert.Same(fixture.Info, LlamaRuntime.Initialize(new LlamaRuntimeOptions { CpuVariant = fixture.Info.Variant }));
        var other = fixture.Info.Variant == "sse42" ? "x64" : "sse42";
        var e = Assert.Throws<InvalidOperationException>(() => LlamaRuntime.Initialize(new LlamaRuntimeOptions { CpuVariant = other }));
        Assert.Contains("own process", e.Message, StringComparison.Ordinal);
    }
}
