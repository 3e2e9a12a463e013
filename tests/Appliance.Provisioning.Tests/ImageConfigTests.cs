using System.Diagnostics;
using Appliance.Core.Native;

namespace Appliance.Provisioning.Tests;

/// <summary>CI cannot afford to build and boot the OS image (image/build-image does that); it validates the configuration.</summary>
public class ImageConfigTests
{
    [Fact]
    public async Task Mkosi_configuration_parses_as_a_read_only_bookworm_disk_image()
    {
        var repo = AppliancePaths.FindRepositoryRoot()!;
        var config = Path.Combine(repo, "image", "mkosi");
        Directory.CreateDirectory(Path.Combine(repo, "image", ".build", "rootfs"));
        var psi = new ProcessStartInfo("mkosi", ["summary"]) { WorkingDirectory = config, RedirectStandardOutput = true, RedirectStandardError = true };
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var errors = await p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        Assert.True(p.ExitCode == 0, errors);
        var output = await stdout + errors; // mkosi 14 prints the summary on stderr
        Assert.Matches(@"Release:\s+bookworm", output);
        Assert.Matches(@"Read-only:\s+yes", output);
        Assert.Matches(@"Output Format:\s+gpt_ext4", output);
    }

    [Fact]
    public void State_partition_is_defined_and_mounted_for_the_appliance()
    {
        var repo = AppliancePaths.FindRepositoryRoot()!;
        var repart = File.ReadAllText(Path.Combine(repo, "image/mkosi/mkosi.extra/usr/lib/repart.d/50-state.conf"));
        Assert.Contains("Label=appliance-state", repart);
        var fstab = File.ReadAllText(Path.Combine(repo, "image/mkosi/mkosi.extra/etc/fstab"));
        Assert.Contains("PARTLABEL=appliance-state  /var/lib/appliance", fstab);
    }
}
