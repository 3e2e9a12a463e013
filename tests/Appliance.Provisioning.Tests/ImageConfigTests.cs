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
        // Both trees: fstab/repart.d from mkosi.extra and the appliance tree image/build-image assembles.
        Assert.Matches(@"Extra Trees:\s+\S+/mkosi\.extra\s+\S+/\.build/rootfs", output);
        Assert.Matches(@"Postinstall Script:\s+\S+/mkosi\.postinst", output);
    }

    [Fact]
    public async Task Postinstall_script_is_valid_shell_and_prepares_a_read_only_root()
    {
        var repo = AppliancePaths.FindRepositoryRoot()!;
        var script = Path.Combine(repo, "image/mkosi/mkosi.postinst");
        var psi = new ProcessStartInfo("sh", ["-n", script]) { RedirectStandardError = true };
        using var p = Process.Start(psi)!;
        var errors = await p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        Assert.True(p.ExitCode == 0, errors);
        Assert.True(OperatingSystem.IsLinux() && (File.GetUnixFileMode(script) & UnixFileMode.UserExecute) != 0, "mkosi runs mkosi.postinst only when it is executable");
        var text = File.ReadAllText(script);
        Assert.Contains("update-initramfs", text);   // the qemu smoke boot needs the image's initrd
        Assert.Contains("systemd-sysusers", text);   // users cannot be created on a read-only root at boot
        Assert.Contains("systemd-repart.service", text);
    }

    [Fact]
    public void State_partition_is_defined_and_mounted_for_the_appliance()
    {
        var repo = AppliancePaths.FindRepositoryRoot()!;
        var repart = File.ReadAllText(Path.Combine(repo, "image/mkosi/mkosi.extra/usr/lib/repart.d/50-state.conf"));
        Assert.Contains("Label=appliance-state", repart);
        var fstab = File.ReadAllText(Path.Combine(repo, "image/mkosi/mkosi.extra/etc/fstab"));
        Assert.Contains("PARTLABEL=appliance-state  /var ", fstab);
        Assert.Contains("CopyFiles=/var:/", repart); // the new /var starts as a copy of the image's
        var order = File.ReadAllText(Path.Combine(repo, "image/mkosi/mkosi.extra/etc/systemd/system/systemd-repart.service.d/10-state-partition.conf"));
        Assert.Contains("Before=var.mount", order);
    }
}
