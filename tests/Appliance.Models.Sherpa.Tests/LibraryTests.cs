using Appliance.Models.Sherpa.Native;

namespace Appliance.Models.Sherpa.Tests;

public sealed class LibraryTests
{
    [Fact]
    public void Loads_the_pinned_build()
    {
        SherpaOnnxLibrary.Initialize();
        Assert.Equal(SherpaOnnxLibrary.ExpectedVersion, SherpaOnnxLibrary.Version);
        Assert.NotNull(SherpaOnnxLibrary.LoadedFrom);
        Assert.False(string.IsNullOrEmpty(SherpaOnnxLibrary.GitSha1));
    }

    [Fact]
    public void Version_mismatch_message_names_both_versions()
    {
        var e = new SherpaVersionMismatchException("1.13.4", "1.12.0");
        Assert.Contains("1.12.0", e.Message);
        Assert.Contains("1.13.4", e.Message);
    }
}
