using Appliance.Provisioning.Apply;
using Appliance.Provisioning.Document;

namespace Appliance.Provisioning.Tests;

/// <summary>display.* becomes the kiosk's EnvironmentFile only when a stick applied cleanly; rollback restores the previous one.</summary>
public class KioskEnvTests
{
    private const string Portrait = """
        display:
          rotation: 90
          output: HDMI-A-2
          subtitles: false
        """;

    private static string KioskEnvOf(TestStick t) => Path.Combine(t.StateDir + "-etc", "kiosk.env");

    private static void UseDocument(TestStick t, string display, int seed, bool raw = false)
    {
        var model = t.WriteModel($"models/m{seed}.gguf", 1 << 16, seed);
        t.Yaml = TestStick.DocumentYaml("booth-7", model, display);
        if (raw)
        {
            t.SignRaw(); // a vendor tool that did not check: the device must
        }
        else
        {
            t.Sign();
        }
    }

    [Fact]
    public async Task A_clean_apply_writes_the_display_settings_and_restarts_the_display()
    {
        using var t = new TestStick();
        UseDocument(t, Portrait, 1);
        var target = new FakeTarget();
        var result = await t.Service(target, kioskEnv: KioskEnvOf(t)).ApplyAsync(t.StickDir, dryRun: false);

        Assert.Equal(ProvisioningOutcome.Applied, result.Outcome);
        var lines = File.ReadAllLines(KioskEnvOf(t)).Where(l => !l.StartsWith('#')).ToList();
        Assert.Equal(["APPLIANCE_DISPLAY_ROTATION=90", "APPLIANCE_DISPLAY_OUTPUT=HDMI-A-2", "APPLIANCE_DISPLAY_SUBTITLES=false"], lines);
        Assert.Equal(1, target.DisplayChanges);
        Assert.Equal(File.ReadAllText(KioskEnvOf(t)), File.ReadAllText(Path.Combine(new ConfigStore(t.StateDir).CurrentPath!, KioskEnv.FileName)));
        Assert.False(File.Exists(KioskEnvOf(t) + ".new"));
        Assert.Equal([KioskEnvOf(t)], Directory.GetFiles(Path.GetDirectoryName(KioskEnvOf(t))!)); // no temp file left beside it
        Assert.True(OperatingSystem.IsLinux() && File.GetUnixFileMode(KioskEnvOf(t)) == (UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead), "kiosk.env is 0644 whatever the umask");

        // The same settings again: nothing to write, the display is left alone.
        UseDocument(t, Portrait, 2);
        Assert.Equal(ProvisioningOutcome.Applied, (await t.Service(target, kioskEnv: KioskEnvOf(t)).ApplyAsync(t.StickDir, false)).Outcome);
        Assert.Equal(1, target.DisplayChanges);
    }

    [Fact]
    public async Task A_failed_or_refused_apply_leaves_the_file_untouched()
    {
        using var t = new TestStick();
        UseDocument(t, Portrait, 1);
        Assert.Equal(ProvisioningOutcome.Applied, (await t.Service(kioskEnv: KioskEnvOf(t)).ApplyAsync(t.StickDir, false)).Outcome);
        var before = File.ReadAllBytes(KioskEnvOf(t));
        var stamp = File.GetLastWriteTimeUtc(KioskEnvOf(t));

        UseDocument(t, "display: { rotation: 180 }", 2);
        var target = new FakeTarget("the pipeline did not start");
        var rolledBack = await t.Service(target, kioskEnv: KioskEnvOf(t)).ApplyAsync(t.StickDir, false);
        Assert.Equal(ProvisioningOutcome.RolledBack, rolledBack.Outcome);
        Assert.Equal(before, File.ReadAllBytes(KioskEnvOf(t)));
        Assert.Equal(stamp, File.GetLastWriteTimeUtc(KioskEnvOf(t)));
        Assert.Equal(0, target.DisplayChanges);

        UseDocument(t, "display: { rotation: 45 }", 3, raw: true);
        var refused = await t.Service(kioskEnv: KioskEnvOf(t)).ApplyAsync(t.StickDir, false);
        Assert.Equal(ProvisioningOutcome.Refused, refused.Outcome);
        Assert.Contains(refused.Problems, p => p.Contains("display.rotation", StringComparison.Ordinal));
        Assert.Equal(before, File.ReadAllBytes(KioskEnvOf(t)));
    }

    [Fact]
    public async Task A_stick_without_display_keeps_it_and_rollback_restores_the_previous_one()
    {
        using var t = new TestStick();
        UseDocument(t, Portrait, 1);
        await t.Service(kioskEnv: KioskEnvOf(t)).ApplyAsync(t.StickDir, false);
        var portrait = File.ReadAllText(KioskEnvOf(t));

        UseDocument(t, "", 2); // no display section: the current settings stay
        Assert.Equal(ProvisioningOutcome.Applied, (await t.Service(kioskEnv: KioskEnvOf(t)).ApplyAsync(t.StickDir, false)).Outcome);
        Assert.Equal(portrait, File.ReadAllText(KioskEnvOf(t)));

        UseDocument(t, "display: { rotation: 270, subtitles: true }", 3);
        Assert.Equal(ProvisioningOutcome.Applied, (await t.Service(kioskEnv: KioskEnvOf(t)).ApplyAsync(t.StickDir, false)).Outcome);
        Assert.Contains("APPLIANCE_DISPLAY_ROTATION=270", File.ReadAllText(KioskEnvOf(t)));

        var target = new FakeTarget();
        var message = await t.Service(target, kioskEnv: KioskEnvOf(t)).RollbackAsync(CancellationToken.None);
        Assert.StartsWith("rolled back from v0003 to v0002", message);
        Assert.Equal(portrait, File.ReadAllText(KioskEnvOf(t)));
        Assert.Equal(1, target.DisplayChanges);
    }

    [Theory]
    [InlineData("HDMI-A-1\nLD_PRELOAD=/tmp/x.so")]
    [InlineData("HDMI A 1")]
    [InlineData("$(reboot)")]
    public void A_display_output_that_is_not_a_connector_name_is_refused(string output)
    {
        var document = new ProvisioningDocument { SchemaVersion = 1, Device = new DeviceSection { Name = "booth-7" }, Display = new DisplaySection { Output = output } };
        Assert.Contains(DocumentValidator.Validate(document), p => p.StartsWith("display.output", StringComparison.Ordinal));
    }
}
