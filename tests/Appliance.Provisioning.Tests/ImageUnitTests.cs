using System.Diagnostics;
using Appliance.Core.Native;

namespace Appliance.Provisioning.Tests;

/// <summary>The provisioning units in image/ pass `systemd-analyze verify`.</summary>
public class ImageUnitTests
{
    [Fact]
    public void Provisioning_template_unit_verifies()
    {
        var repo = AppliancePaths.FindRepositoryRoot()!;
        var dir = Directory.CreateTempSubdirectory("units-");
        try
        {
            // An instance of the template, with the helper path pointed at the checkout (the image installs it under /usr/lib/appliance).
            var unit = File.ReadAllText(Path.Combine(repo, "image/provisioning/appliance-provision@.service"))
                .Replace("/usr/lib/appliance/provision-usb", Path.Combine(repo, "image/provisioning/provision-usb"), StringComparison.Ordinal);
            var path = Path.Combine(dir.FullName, "appliance-provision@sdb1.service");
            File.WriteAllText(path, unit);
            var psi = new ProcessStartInfo("systemd-analyze", ["verify", path]) { RedirectStandardError = true, RedirectStandardOutput = true };
            using var p = Process.Start(psi)!;
            var errors = p.StandardError.ReadToEnd();
            p.WaitForExit();
            Assert.True(p.ExitCode == 0, errors);
            Assert.DoesNotContain("Unknown key", errors);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void Udev_rule_starts_the_template_only_for_usb_file_systems()
    {
        var repo = AppliancePaths.FindRepositoryRoot()!;
        var rules = File.ReadAllText(Path.Combine(repo, "image/provisioning/99-appliance-provision.rules")).Replace("\\\n", "");
        var active = rules.Split('\n').Where(l => l.Trim().Length > 0 && !l.TrimStart().StartsWith('#')).ToList();
        Assert.Equal(2, active.Count);
        Assert.All(active, rule =>
        {
            Assert.Contains("ENV{ID_BUS}==\"usb\"", rule);
            Assert.Contains("ENV{ID_FS_USAGE}==\"filesystem\"", rule);
            Assert.Contains("ENV{SYSTEMD_WANTS}+=\"appliance-provision@%k.service\"", rule);
        });
    }
}
