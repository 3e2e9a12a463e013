namespace Appliance.Models.OnnxRuntime.Tests;

[Collection("ort")]
public sealed class LibraryTests(OrtFixture fixture)
{
    [Fact]
    public void Loaded_build_is_the_mirrored_one()
    {
        _ = fixture;
        Assert.Equal(OnnxRuntimeLibrary.ExpectedVersion, OnnxRuntimeLibrary.Version);
    }

    [Fact]
    public void Initialize_is_idempotent()
    {
        OnnxRuntimeLibrary.Initialize();
        OnnxRuntimeLibrary.Initialize();
        Assert.Equal("1.27.0", OnnxRuntimeLibrary.Version);
    }

    [Fact]
    public void Candidates_are_exact_file_names_in_the_sherpa_folders()
    {
        Assert.All(OnnxRuntimeLibrary.Candidates(), c => Assert.EndsWith("/sherpa/libonnxruntime.so", c, StringComparison.Ordinal));
    }
}
