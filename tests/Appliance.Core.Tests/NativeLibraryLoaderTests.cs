using Appliance.Core.Native;

namespace Appliance.Core.Tests;

public class NativeLibraryLoaderTests
{
    [Fact]
    public void Failure_names_every_path_tried_and_why()
    {
        var dir = Directory.CreateTempSubdirectory();
        try
        {
            var notElf = Path.Combine(dir.FullName, "libfake.so");
            File.WriteAllText(notElf, "not an ELF file");
            var missing = Path.Combine(dir.FullName, "libabsent.so");
            var e = Assert.Throws<NativeLibraryLoadException>(() => NativeLibraryLoader.Load("fake", [missing, notElf]));
            Assert.Equal(2, e.Attempts.Count);
            Assert.Contains(missing + ": no such file", e.Message);
            Assert.Contains(notElf, e.Attempts[1]);
            Assert.Contains("image/dev/setup", e.Message);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void Loads_a_system_library_by_soname()
    {
        var handle = NativeLibraryLoader.Load("libc", ["/nonexistent/libc.so.6", "libc.so.6"]);
        Assert.NotEqual(IntPtr.Zero, handle);
    }
}
