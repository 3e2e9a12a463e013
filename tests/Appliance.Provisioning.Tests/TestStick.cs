using System.Security.Cryptography;
using Appliance.Provisioning.Apply;
using Appliance.Provisioning.Signing;

namespace Appliance.Provisioning.Tests;

/// <summary>A temporary USB stick, device state folder and vendor key for one test.</summary>
internal sealed class TestStick : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("prov-");

    public TestStick(int modelBytes = 3 << 20, string deviceName = "booth-7")
    {
        Directory.CreateDirectory(StickDir);
        Directory.CreateDirectory(KeysDir);
        Key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        File.WriteAllText(Path.Combine(KeysDir, "vendor.pem"), Key.ExportSubjectPublicKeyInfoPem());
        Model = WriteModel("models/assistant.gguf", modelBytes, seed: 1);
        File.WriteAllText(Path.Combine(StickDir, "faq.md"), "# Booth FAQ\n\n## Where is the exit?\nBehind you, to the left.\n");
        Yaml = DocumentYaml(deviceName, Model);
    }

    public string StickDir => Path.Combine(_root.FullName, "stick");

    public string StateDir => Path.Combine(_root.FullName, "state");

    public string KeysDir => Path.Combine(_root.FullName, "keys");

    public ECDsa Key { get; }

    public (string File, string Sha256, long Size) Model { get; }

    public string Yaml
    {
        get => File.ReadAllText(Path.Combine(StickDir, Stick.DocumentName));
        set => File.WriteAllText(Path.Combine(StickDir, Stick.DocumentName), value);
    }

    public (string File, string Sha256, long Size) WriteModel(string relative, int bytes, int seed)
    {
        var data = new byte[bytes];
        new Random(seed).NextBytes(data);
        "GGUF"u8.CopyTo(data);
        var path = Path.Combine(StickDir, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, data);
        return (relative, Convert.ToHexStringLower(SHA256.HashData(data)), bytes);
    }

    public static string DocumentYaml(string deviceName, (string File, string Sha256, long Size) model, string extra = "") => $"""
        schema_version: 1
        device:
          name: {deviceName}
          site: Hall 3, booth 7
          locale: zh-CN
          time_zone: Asia/Shanghai
        persona:
          name: Xiaofang
          language: zh
          rules: [be brief]
        models:
          - file: {model.File}
            sha256: {model.Sha256}
            size: {model.Size}
            license: apache-2.0
            engine: llama
            role: llm
            name: test-llm
        knowledge: [faq.md]
        leds:
          type: apa102
          count: 12
        admin_api:
          bind: loopback
          port: 8443
        {extra}
        """;

    public void Sign() => StickSigner.Sign(StickDir, Key);

    /// <summary>Signs the document's bytes as they are, even when they are invalid (a vendor tool that did not check).</summary>
    public void SignRaw() => DetachedSignature.WriteBeside(Path.Combine(StickDir, Stick.DocumentName), Key);

    public ProvisioningService Service(FakeTarget? target = null, bool allowUnsigned = false, int keep = 3, long margin = 1 << 20, string? kioskEnv = null) =>
        new(new ProvisioningOptions(StateDir, [KeysDir], allowUnsigned, keep, TimeSpan.FromSeconds(5), margin, kioskEnv), target ?? new FakeTarget());

    /// <summary>Every file below the state folder with its content hash: equal snapshots mean nothing changed.</summary>
    public SortedDictionary<string, string> SnapshotState()
    {
        var map = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (!Directory.Exists(StateDir))
        {
            return map;
        }
        foreach (var entry in Directory.EnumerateFileSystemEntries(StateDir, "*", SearchOption.AllDirectories))
        {
            var info = new FileInfo(entry);
            map[Path.GetRelativePath(StateDir, entry)] = info.LinkTarget is { } link ? "-> " + link
                : File.Exists(entry) ? Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(entry))) : "dir";
        }
        return map;
    }

    public void Dispose()
    {
        Key.Dispose();
        _root.Delete(recursive: true);
    }
}

/// <summary>The appliance as provisioning sees it: records restarts and answers ready or not.</summary>
internal sealed class FakeTarget(params string?[] answers) : IProvisioningTarget
{
    private int _calls;

    public int Restarts => _calls;

    public int DisplayChanges { get; private set; }

    public Task DisplayChangedAsync(CancellationToken cancellationToken)
    {
        DisplayChanges++;
        return Task.CompletedTask;
    }

    public Task<string?> RestartAndWaitReadyAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var answer = _calls < answers.Length ? answers[_calls] : null;
        _calls++;
        return Task.FromResult(answer);
    }

    public DeviceFacts Facts() => new("0123456789abcdef", "AA:BB", "avx512 amx · sapphirerapids", null);
}
