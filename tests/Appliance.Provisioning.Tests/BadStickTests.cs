using Appliance.Provisioning.Apply;

namespace Appliance.Provisioning.Tests;

/// <summary>
/// The corpus of bad sticks: each is refused with a clear problem in the result and in the report on
/// the stick, and the running configuration and models are exactly as they were.
/// </summary>
public class BadStickTests
{
    public static TheoryData<string, string> Corpus => new()
    {
        { "invalid-yaml", "provisioning.yaml:" },
        { "wrong-type", "provisioning.yaml:" },
        { "unknown-key", "unknown key 'colour'" },
        { "newer-schema", "schema_version 2" },
        { "bad-values", "admin_api.port" },
        { "missing-file", "is not on the stick" },
        { "wrong-sha256", "damaged or was changed after signing" },
        { "wrong-size", "declared (incomplete copy?)" },
        { "not-gguf", "not a GGUF file" },
        { "unsigned", "not signed" },
        { "tampered", "does not match the content" },
        { "untrusted-key", "does not trust" },
        { "garbage-signature", "not a signature file" },
        { "path-traversal", "must be a path inside the stick" },
        { "absolute-path", "must be a path inside the stick" },
        { "symlink-outside", "outside the stick" },
        { "knowledge-changed", "damaged or was changed after signing" },
        { "disk-full", "disk:" },
        { "pulled-mid-copy", "damaged or was changed after signing" },
    };

    [Theory]
    [MemberData(nameof(Corpus))]
    public async Task Is_refused_clearly_and_leaves_the_running_configuration_untouched(string kind, string expected)
    {
        using var t = new TestStick();
        t.Sign();
        Assert.Equal(ProvisioningOutcome.Applied, (await t.Service().ApplyAsync(t.StickDir, false)).Outcome);
        var before = t.SnapshotState();
        var progress = Break(t, kind);
        var target = new FakeTarget();
        var margin = kind == "disk-full" ? long.MaxValue / 4 : 1 << 20;

        var result = await t.Service(target, margin: margin).ApplyAsync(t.StickDir, dryRun: false, progress);

        Assert.Equal(ProvisioningOutcome.Refused, result.Outcome);
        Assert.Contains(result.Problems, p => p.Contains(expected, StringComparison.Ordinal));
        Assert.Equal(0, target.Restarts);
        Assert.Equal(before, t.SnapshotState());
        var report = File.ReadAllText(result.ReportPath!);
        Assert.StartsWith("REFUSED", report);
        Assert.Contains(expected, report);
    }

    private static IProgress<ProvisioningProgress>? Break(TestStick t, string kind)
    {
        var stick = t.StickDir;
        switch (kind)
        {
            case "invalid-yaml":
                t.Yaml = "schema_version: 1\ndevice: [unclosed\n";
                break;
            case "wrong-type":
                t.Yaml = t.Yaml.Replace("port: 8443", "port: eight");
                break;
            case "unknown-key":
                t.Yaml = t.Yaml.Replace("  count: 12", "  count: 12\n  colour: red");
                break;
            case "newer-schema":
                t.Yaml = t.Yaml.Replace("schema_version: 1", "schema_version: 2");
                break;
            case "bad-values":
                t.Yaml = t.Yaml.Replace("port: 8443", "port: 80");
                break;
            case "missing-file":
                File.Delete(Path.Combine(stick, t.Model.File));
                return null;
            case "wrong-sha256":
                t.Yaml = t.Yaml.Replace(t.Model.Sha256, new string('0', 64));
                break;
            case "wrong-size":
                using (var f = File.OpenWrite(Path.Combine(stick, t.Model.File)))
                {
                    f.SetLength(t.Model.Size - 10);
                }
                return null;
            case "not-gguf":
                var bytes = File.ReadAllBytes(Path.Combine(stick, t.Model.File));
                bytes[0] = (byte)'X';
                File.WriteAllBytes(Path.Combine(stick, t.Model.File), bytes);
                var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));
                t.Yaml = t.Yaml.Replace(t.Model.Sha256, sha);
                break;
            case "unsigned":
                File.Delete(Path.Combine(stick, "provisioning.yaml.sig"));
                return null;
            case "tampered":
                t.Yaml = t.Yaml.Replace("Hall 3", "Hall 9");
                return null;
            case "untrusted-key":
                using (var other = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256))
                {
                    Signing.StickSigner.Sign(stick, other);
                }
                return null;
            case "garbage-signature":
                File.WriteAllText(Path.Combine(stick, "provisioning.yaml.sig"), "hello");
                return null;
            case "path-traversal":
                t.Yaml = t.Yaml.Replace("knowledge: [faq.md]", "knowledge: [../../../etc/passwd]");
                break;
            case "absolute-path":
                t.Yaml = t.Yaml.Replace("knowledge: [faq.md]", "knowledge: [/etc/passwd]");
                break;
            case "symlink-outside":
                File.CreateSymbolicLink(Path.Combine(stick, "leak.md"), "/etc/hostname");
                t.Yaml = t.Yaml.Replace("knowledge: [faq.md]", "knowledge: [leak.md]");
                break;
            case "knowledge-changed":
                File.WriteAllText(Path.Combine(stick, "prices.md"), "## Price\n199 yuan\n");
                t.Yaml = t.Yaml.Replace("knowledge: [faq.md]", "knowledge: [faq.md, prices.md]");
                t.Sign();
                File.WriteAllText(Path.Combine(stick, "prices.md"), "## Price\nfree\n");
                return null;
            case "disk-full":
                break;
            case "pulled-mid-copy":
                // A new model; the stick disappears halfway through copying it, so the rest reads as gone.
                var fresh = t.WriteModel("models/assistant-v2.gguf", 3 << 20, seed: 3);
                t.Yaml = TestStick.DocumentYaml("booth-7", fresh);
                t.Sign();
                var model = Path.Combine(stick, fresh.File);
                var pulled = false;
                return new SyncProgress(p =>
                {
                    if (!pulled && p.Phase == ProvisioningPhase.Copying && p.BytesDone >= 1 << 20)
                    {
                        pulled = true;
                        using var f = new FileStream(model, FileMode.Open, FileAccess.Write, FileShare.ReadWrite);
                        f.SetLength(1 << 20);
                    }
                });
        }
        t.SignRaw();
        return null;
    }

    /// <summary>IProgress that runs synchronously on the reporting thread (Progress&lt;T&gt; posts asynchronously).</summary>
    private sealed class SyncProgress(Action<ProvisioningProgress> action) : IProgress<ProvisioningProgress>
    {
        public void Report(ProvisioningProgress value) => action(value);
    }
}
