using Appliance.Provisioning.Apply;

namespace Appliance.Provisioning.Tests;

public class ApplyTests
{
    [Fact]
    public async Task A_signed_stick_is_applied_and_reported_back()
    {
        using var t = new TestStick();
        t.Sign();
        var target = new FakeTarget();
        var result = await t.Service(target).ApplyAsync(t.StickDir, dryRun: false);

        Assert.Equal(ProvisioningOutcome.Applied, result.Outcome);
        Assert.Empty(result.Problems);
        Assert.Equal("v0001", result.Version);
        var store = new ConfigStore(t.StateDir);
        Assert.Equal("v0001", store.Current);
        var installed = Path.Combine(store.CurrentPath!, "models", "llm", "assistant.gguf");
        Assert.Equal(File.ReadAllBytes(Path.Combine(t.StickDir, t.Model.File)), File.ReadAllBytes(installed));
        Assert.True(File.Exists(Path.Combine(store.CurrentPath!, "knowledge", "faq.md")));
        Assert.True(File.Exists(Path.Combine(store.CurrentPath!, "provisioning.yaml.sig")));
        Assert.Equal(1, target.Restarts);

        var report = File.ReadAllText(result.ReportPath!);
        Assert.StartsWith("APPLIED", report);
        Assert.Contains("0123456789abcdef", report);
        Assert.Contains("AA:BB", report);
        Assert.Contains("sapphirerapids", report);
        Assert.Single(Directory.GetFiles(Path.Combine(t.StickDir, "appliance-report"), "*.json"));
    }

    [Fact]
    public async Task A_dry_run_checks_everything_and_changes_nothing()
    {
        using var t = new TestStick();
        t.Sign();
        var target = new FakeTarget();
        var result = await t.Service(target).ApplyAsync(t.StickDir, dryRun: true);
        Assert.Equal(ProvisioningOutcome.Validated, result.Outcome);
        Assert.Contains(result.Files, f => f.How == "verified" && f.Sha256 == t.Model.Sha256);
        Assert.Null(new ConfigStore(t.StateDir).Current);
        Assert.Empty(Directory.GetFileSystemEntries(Path.Combine(t.StateDir, "versions")));
        Assert.Equal(0, target.Restarts);
        Assert.StartsWith("CHECKED", File.ReadAllText(result.ReportPath!));
    }

    [Fact]
    public async Task A_configuration_that_does_not_become_ready_is_rolled_back()
    {
        using var t = new TestStick();
        t.Sign();
        Assert.Equal(ProvisioningOutcome.Applied, (await t.Service().ApplyAsync(t.StickDir, false)).Outcome);
        var before = t.SnapshotState();

        var newModel = t.WriteModel("models/assistant-v2.gguf", 1 << 20, seed: 2);
        t.Yaml = TestStick.DocumentYaml("booth-7", newModel);
        t.Sign();
        var target = new FakeTarget("llm failed to load: out of memory", null);
        var result = await t.Service(target).ApplyAsync(t.StickDir, false);

        Assert.Equal(ProvisioningOutcome.RolledBack, result.Outcome);
        Assert.Contains(result.Problems, p => p.Contains("out of memory"));
        Assert.Equal(2, target.Restarts);
        Assert.Equal("v0001", new ConfigStore(t.StateDir).Current);
        Assert.Equal(before, t.SnapshotState());
        Assert.StartsWith("ROLLED BACK", File.ReadAllText(result.ReportPath!));
    }

    [Fact]
    public async Task A_failed_first_configuration_returns_to_factory_state()
    {
        using var t = new TestStick();
        t.Sign();
        var result = await t.Service(new FakeTarget("pipeline did not start")).ApplyAsync(t.StickDir, false);
        Assert.Equal(ProvisioningOutcome.RolledBack, result.Outcome);
        Assert.True(new ConfigStore(t.StateDir).IsFactoryState);
        Assert.Empty(new ConfigStore(t.StateDir).Versions);
    }

    [Fact]
    public async Task An_unchanged_model_is_linked_not_copied_again()
    {
        using var t = new TestStick();
        t.Sign();
        await t.Service().ApplyAsync(t.StickDir, false);
        t.Yaml = t.Yaml.Replace("site: Hall 3, booth 7", "site: Hall 4");
        t.Sign();
        var result = await t.Service().ApplyAsync(t.StickDir, false);
        Assert.Equal(ProvisioningOutcome.Applied, result.Outcome);
        Assert.Contains(result.Files, f => f.Field == "models[0]" && f.How.StartsWith("kept", StringComparison.Ordinal));
        var store = new ConfigStore(t.StateDir);
        Assert.Equal("v0002", store.Current);
        Assert.Equal(File.ReadAllBytes(Path.Combine(t.StickDir, t.Model.File)),
            File.ReadAllBytes(Path.Combine(store.CurrentPath!, "models", "llm", "assistant.gguf")));
    }

    [Fact]
    public async Task Old_versions_are_pruned_and_rollback_goes_to_the_previous_one()
    {
        using var t = new TestStick(modelBytes: 4096);
        for (var i = 0; i < 4; i++)
        {
            t.Yaml = t.Yaml.Replace($"site: Hall {i}", "site: Hall x").Replace("site: Hall 3, booth 7", "site: Hall 0").Replace("site: Hall x", $"site: Hall {i + 1}");
            t.Sign();
            Assert.Equal(ProvisioningOutcome.Applied, (await t.Service(keep: 3).ApplyAsync(t.StickDir, false)).Outcome);
        }
        var store = new ConfigStore(t.StateDir);
        Assert.Equal(["v0002", "v0003", "v0004"], store.Versions);
        var message = await t.Service().RollbackAsync(CancellationToken.None);
        Assert.Contains("v0003", message);
        Assert.Equal("v0003", store.Current);
    }

    [Fact]
    public async Task Unsigned_sticks_are_accepted_only_in_factory_state_when_allowed()
    {
        using var t = new TestStick();
        var refused = await t.Service(allowUnsigned: false).ApplyAsync(t.StickDir, false);
        Assert.Equal(ProvisioningOutcome.Refused, refused.Outcome);
        Assert.Contains(refused.Problems, p => p.Contains("not signed"));

        var accepted = await t.Service(allowUnsigned: true).ApplyAsync(t.StickDir, false);
        Assert.Equal(ProvisioningOutcome.Applied, accepted.Outcome);
        Assert.Contains(accepted.Notes, n => n.Contains("factory state"));

        var again = await t.Service(allowUnsigned: true).ApplyAsync(t.StickDir, false);
        Assert.Equal(ProvisioningOutcome.Refused, again.Outcome);
    }

    [Fact]
    public void Recovery_clears_what_an_interrupted_apply_left()
    {
        using var t = new TestStick();
        var store = new ConfigStore(t.StateDir);
        var staging = store.BeginStaging();
        File.WriteAllText(Path.Combine(staging, "half.bin"), "x");
        Directory.CreateDirectory(Path.Combine(store.VersionsDir, "v0009"));
        File.CreateSymbolicLink(store.CurrentLink + ".new", "versions/v0009");
        var actions = store.Recover();
        Assert.Equal(3, actions.Count);
        Assert.Empty(Directory.GetFileSystemEntries(store.VersionsDir));
        Assert.False(File.Exists(store.CurrentLink + ".new"));
    }

    [Fact]
    public async Task A_private_key_in_the_trusted_folder_is_ignored_and_reported()
    {
        using var t = new TestStick();
        t.Sign();
        File.WriteAllText(Path.Combine(t.KeysDir, "oops.key.pem"), t.Key.ExportPkcs8PrivateKeyPem());
        var result = await t.Service().ApplyAsync(t.StickDir, false);
        Assert.Equal(ProvisioningOutcome.Applied, result.Outcome);
        Assert.EndsWith("vendor.pem", result.Signer);
        Assert.Contains(result.Notes, n => n.Contains("private key does not belong"));
    }
}
