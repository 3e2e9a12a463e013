using System.Diagnostics;

namespace Appliance.Avatar.Tests;

/// <summary>The HDMI kiosk units and scripts in image/kiosk/.</summary>
public class KioskUnitTests
{
    private static string Kiosk(string file) => Path.Combine(RepoPaths.Root, "image", "kiosk", file);

    private static (int Code, string Output) Run(string file, IEnumerable<string> args, IDictionary<string, string>? env = null)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }
        foreach (var (k, v) in env ?? new Dictionary<string, string>())
        {
            start.Environment[k] = v;
        }
        using var p = Process.Start(start)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        p.WaitForExit();
        return (p.ExitCode, stdout.Result + stderr.Result);
    }

    [Fact]
    public void KioskServicePassesSystemdAnalyzeVerify()
    {
        // cage and the installed scripts are not on the build machine: point the Exec lines at binaries
        // that exist so verify checks everything else (sections, directives, TTY/PAM settings).
        var unit = File.ReadAllText(Kiosk("appliance-kiosk.service"));
        Assert.Contains("ExecStart=/usr/bin/cage -d -s -- /usr/lib/appliance/kiosk/kiosk-browser", unit, StringComparison.Ordinal);
        Assert.Contains("Restart=always", unit, StringComparison.Ordinal);
        Assert.Contains("CPUWeight=1000", unit, StringComparison.Ordinal); // frames on time under inference load
        var copy = unit
            .Replace("/usr/bin/cage -d -s -- /usr/lib/appliance/kiosk/kiosk-browser", "/bin/true", StringComparison.Ordinal)
            .Replace("/usr/lib/appliance/kiosk/wait-for-page", "/bin/true", StringComparison.Ordinal)
            .Replace("User=kiosk", "User=root", StringComparison.Ordinal);
        var dir = Directory.CreateTempSubdirectory("kiosk-unit-").FullName;
        try
        {
            var path = Path.Combine(dir, "appliance-kiosk.service");
            File.WriteAllText(path, copy);
            var (code, output) = Run("systemd-analyze", ["verify", "--man=no", path]);
            Assert.True(code == 0, output);
            Assert.DoesNotContain("appliance-kiosk.service:", output, StringComparison.Ordinal); // no warnings about our lines
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Theory]
    [InlineData("90", "--transform 90", "true")]
    [InlineData("270", "--transform 270", "false")]
    [InlineData("0", "", "true")]
    [InlineData("sideways", "", "true")]
    public void BrowserScriptRotatesAndStartsChromiumOnTheLocalPage(string rotation, string expectedRandr, string subtitles)
    {
        var dir = Directory.CreateTempSubdirectory("kiosk-script-").FullName;
        try
        {
            // Stand-ins that print what they were asked to do.
            var randr = Path.Combine(dir, "randr");
            File.WriteAllText(randr, "#!/bin/sh\nif [ $# -eq 0 ]; then echo 'HDMI-A-1 \"Monitor\"'; echo '  Enabled: yes'; else echo \"randr $*\"; fi\n");
            if (OperatingSystem.IsLinux())
            {
                File.SetUnixFileMode(randr, (UnixFileMode)0b111_101_101);
            }
            var (code, output) = Run("/bin/sh", [Kiosk("kiosk-browser")], new Dictionary<string, string>
            {
                ["APPLIANCE_DISPLAY_ROTATION"] = rotation,
                ["APPLIANCE_DISPLAY_SUBTITLES"] = subtitles,
                ["APPLIANCE_KIOSK_BROWSER"] = "/bin/echo",
                ["APPLIANCE_KIOSK_RANDR"] = randr,
                ["XDG_RUNTIME_DIR"] = dir,
            });
            Assert.True(code == 0, output);
            Assert.Contains("--kiosk", output, StringComparison.Ordinal);
            Assert.Contains(subtitles == "false" ? "http://127.0.0.1:8080/kiosk?nosubtitles" : "http://127.0.0.1:8080/kiosk\n", output, StringComparison.Ordinal);
            if (expectedRandr.Length > 0)
            {
                Assert.Contains($"randr --output HDMI-A-1 {expectedRandr}", output, StringComparison.Ordinal);
            }
            else
            {
                Assert.DoesNotContain("randr --output", output, StringComparison.Ordinal);
            }
            if (rotation == "sideways")
            {
                Assert.Contains("is not 0, 90, 180 or 270", output, StringComparison.Ordinal);
            }
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }
}
