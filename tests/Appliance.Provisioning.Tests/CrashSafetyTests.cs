using Appliance.Provisioning.Apply;

namespace Appliance.Provisioning.Tests;

public class CrashSafetyTests
{
    /// <summary>
    /// SIGKILL the real `appliance provision` process at random moments: the state must always be the
    /// old or the new configuration, complete. `appliance bench provision-crash --iterations 300` runs
    /// the same check hundreds of times.
    /// </summary>
    [Fact]
    public async Task Killing_an_apply_at_random_points_leaves_the_old_or_the_new_configuration()
    {
        var cli = Path.Combine(AppContext.BaseDirectory, "appliance.dll");
        Assert.True(File.Exists(cli), $"{cli} missing (the test project references Appliance.Host)");
        var report = await CrashHarness.RunAsync(["dotnet", cli], iterations: 6, seed: 42);
        Assert.Equal(0, report.Broken);
        Assert.Empty(report.Problems);
        Assert.Equal(6, report.Old + report.New);
    }
}
