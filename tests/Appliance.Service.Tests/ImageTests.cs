using Appliance.Service.Tests.Support;
using Appliance.TestSupport;
using Xunit.Abstractions;

namespace Appliance.Service.Tests;

/// <summary>
/// image/: the unit passes `systemd-analyze verify` and a security review; sysusers/tmpfiles snippets
/// apply to a scratch root. verify insists that ExecStart exists, so the checked copy differs from the
/// shipped unit in exactly one thing: the install path /usr/lib/appliance/bin/appliance is replaced by
/// the real `appliance` executable this build produced (no stub). The shipped line is asserted as text.
/// </summary>
public sealed class ImageTests(ITestOutputHelper output) : IDisposable
{
    private const string InstalledExecStart = "ExecStart=/usr/lib/appliance/bin/appliance run";
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private static string UnitText => File.ReadAllText(Path.Combine(Repo.Root, "image", "systemd", "appliance.service"));

    private string UnitWithBuiltExecutable()
    {
        Assert.True(File.Exists(Repo.ApplianceExecutable), $"build Appliance.Host first: {Repo.ApplianceExecutable}");
        var path = Path.Combine(_dir.Path, "appliance.service");
        File.WriteAllText(path, UnitText.Replace(InstalledExecStart, $"ExecStart={Repo.ApplianceExecutable} run", StringComparison.Ordinal));
        return path;
    }

    [Fact]
    public void Unit_passes_systemd_analyze_verify()
    {
        Assert.Contains(InstalledExecStart + "\n", UnitText);
        var (code, stdout, stderr) = Repo.Run("systemd-analyze", ["verify", "--man=no", UnitWithBuiltExecutable()]);
        output.WriteLine(stdout + stderr);
        Assert.True(code == 0, stderr);
        Assert.DoesNotContain("appliance.service:", stderr);
    }

    [Fact]
    public void Unit_security_review_stays_low_exposure()
    {
        var (code, stdout, stderr) = Repo.Run("systemd-analyze", ["security", "--offline=true", "--threshold=35", "--no-pager", UnitWithBuiltExecutable()]);
        output.WriteLine(stdout.Split('\n').LastOrDefault(l => l.Contains("Overall", StringComparison.Ordinal)) ?? stdout);
        Assert.True(code == 0, stdout + stderr);
    }

    [Theory]
    [InlineData("Type=notify")]
    [InlineData("WatchdogSec=10s")]
    [InlineData("Restart=on-failure")]
    [InlineData("StartLimitBurst=5")]
    [InlineData("User=appliance")]
    [InlineData("SupplementaryGroups=audio spi gpio video")]
    [InlineData("DevicePolicy=closed")]
    [InlineData("DeviceAllow=char-alsa rw")]
    [InlineData("ProtectSystem=strict")]
    [InlineData("StateDirectory=appliance")]
    [InlineData("NoNewPrivileges=yes")]
    [InlineData("CapabilityBoundingSet=\n")]
    [InlineData("MemoryMax=")]
    [InlineData("ExecReload=/bin/kill -HUP $MAINPID")]
    [InlineData("TimeoutStopSec=10s")]
    public void Unit_declares(string directive) => Assert.Contains(directive, UnitText);

    [Fact]
    public void Sysusers_and_tmpfiles_create_the_user_groups_and_state_layout()
    {
        var root = _dir.Sub("root");
        Directory.CreateDirectory(Path.Combine(root, "etc"));
        var sysusers = Repo.Run("systemd-sysusers", [$"--root={root}", Path.Combine(Repo.Root, "image", "sysusers.d", "appliance.conf")]);
        Assert.True(sysusers.ExitCode == 0, sysusers.Stderr);
        var passwd = File.ReadAllText(Path.Combine(root, "etc", "passwd"));
        var group = File.ReadAllText(Path.Combine(root, "etc", "group"));
        Assert.Matches(@"(?m)^appliance:x:\d+:\d+:Appliance kiosk service:/var/lib/appliance:/usr/sbin/nologin$", passwd);
        Assert.Matches(@"(?m)^spi:x:\d+:$", group);
        Assert.Matches(@"(?m)^gpio:x:\d+:$", group);

        var tmpfiles = Repo.Run("systemd-tmpfiles", [$"--root={root}", "--create", Path.Combine(Repo.Root, "image", "tmpfiles.d", "appliance.conf")]);
        Assert.True(tmpfiles.ExitCode == 0, tmpfiles.Stderr);
        var secrets = Path.Combine(root, "var", "lib", "appliance", "secrets");
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(secrets));
        foreach (var sub in new[] { "config", "models", "kb" })
        {
            Assert.True(Directory.Exists(Path.Combine(root, "var", "lib", "appliance", sub)), sub);
        }
        Assert.True(Directory.Exists(Path.Combine(root, "etc", "appliance")));
    }
}
