using Appliance.Models.PocketSphinx.Native;

namespace Appliance.Models.PocketSphinx.Tests;

/// <summary>
/// This binding mirrors no struct (every pocketsphinx object is opaque), so instead of a layout test we check
/// the loaded build: the exact sonames, and that they resolve to Debian's 5prealpha files.
/// </summary>
public class LibraryTests
{
    [Fact]
    public void LoadsTheMirroredBuild()
    {
        PocketSphinxLibrary.Initialize();
        PocketSphinxLibrary.Initialize(); // idempotent
        Assert.True(PocketSphinxLibrary.IsInitialized);
        Assert.Contains("5prealpha", PocketSphinxLibrary.Description, StringComparison.Ordinal);
        var maps = File.ReadAllText("/proc/self/maps");
        Assert.Contains("libpocketsphinx.so.3", maps, StringComparison.Ordinal);
        Assert.Contains("libsphinxbase.so.3", maps, StringComparison.Ordinal);
    }

    [Fact]
    public void DebianPackageVersionIsTheMirroredOne()
    {
        // pocketsphinx.pc of libpocketsphinx-dev states the upstream version whose headers Native/ mirrors.
        var pc = File.ReadAllText("/usr/lib/x86_64-linux-gnu/pkgconfig/pocketsphinx.pc");
        Assert.Contains($"Version: {PocketSphinxLibrary.MirroredVersion}", pc, StringComparison.Ordinal);
    }
}
