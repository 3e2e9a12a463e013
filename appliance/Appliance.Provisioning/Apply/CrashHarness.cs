using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;
using Appliance.Provisioning.Signing;

namespace Appliance.Provisioning.Apply;

/// <summary>
/// Crash-safety check: runs `provision` in a child process and kills it with SIGKILL at random moments,
/// many times, each time checking that the device would boot into either the old or the new
/// configuration, complete, never a mixture. Used by a test (a few rounds) and by
/// `appliance bench provision-crash` (hundreds).
/// </summary>
public static class CrashHarness
{
    public sealed record Report(int Iterations, int Old, int New, int Broken, IReadOnlyList<string> Problems, double MeanApplyMs);

    /// <param name="command">How to start the appliance CLI, e.g. ["dotnet", "/path/appliance.dll"].</param>
    public static async Task<Report> RunAsync(IReadOnlyList<string> command, int iterations, int seed, Action<string>? log = null, CancellationToken ct = default)
    {
        var work = Directory.CreateTempSubdirectory("prov-crash-");
        try
        {
            var keys = Path.Combine(work.FullName, "keys");
            Directory.CreateDirectory(keys);
            using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            File.WriteAllText(Path.Combine(keys, "vendor.pem"), key.ExportSubjectPublicKeyInfoPem());
            var sticks = new[] { MakeStick(work.FullName, "a", 6 << 20, 1, key), MakeStick(work.FullName, "b", 12 << 20, 2, key) };
            var yamls = sticks.Select(s => File.ReadAllText(Path.Combine(s, Stick.DocumentName))).ToArray();
            var state = Path.Combine(work.FullName, "state");
            var options = new ProvisioningOptions(state, [keys], ReadyTimeout: TimeSpan.FromSeconds(5));
            var first = await new ProvisioningService(options, new NoRestart()).ApplyAsync(sticks[0], false, null, ct);
            if (first.Outcome != ProvisioningOutcome.Applied)
            {
                throw new InvalidOperationException("crash harness set-up failed: " + string.Join("; ", first.Problems));
            }

            // How long an uninterrupted apply takes, so kill times spread over all of it.
            var full = Stopwatch.StartNew();
            await RunChildAsync(command, sticks[1], state, keys, killAfter: null, ct);
            var applyMs = full.Elapsed.TotalMilliseconds;
            var random = new Random(seed);
            int old = 0, fresh = 0, broken = 0;
            var problems = new List<string>();
            var store = new ConfigStore(state);
            for (var i = 0; i < iterations; i++)
            {
                var before = ReadCurrentYaml(store);
                var next = before == yamls[0] ? 1 : 0;
                var kill = TimeSpan.FromMilliseconds(random.NextDouble() * applyMs * 1.1);
                await RunChildAsync(command, sticks[next], state, keys, kill, ct);
                store.Recover();
                var (ok, why) = Check(store);
                var now = ReadCurrentYaml(store);
                if (!ok)
                {
                    broken++;
                    problems.Add($"iteration {i} (kill after {kill.TotalMilliseconds:F0} ms): {why}");
                }
                else if (now == before)
                {
                    old++;
                }
                else if (now == yamls[next])
                {
                    fresh++;
                }
                else
                {
                    broken++;
                    problems.Add($"iteration {i}: current configuration is neither the old nor the new one");
                }
                log?.Invoke($"iteration {i + 1}/{iterations}: kill after {kill.TotalMilliseconds,6:F0} ms -> {(now == before ? "old" : "new")}{(ok ? "" : " BROKEN")}");
            }
            return new Report(iterations, old, fresh, broken, problems, applyMs);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static string? ReadCurrentYaml(ConfigStore store) =>
        store.CurrentPath is { } p ? File.ReadAllText(Path.Combine(p, Stick.DocumentName)) : null;

    /// <summary>Every file the current version's record lists exists with its recorded sha256.</summary>
    private static (bool Ok, string? Why) Check(ConfigStore store)
    {
        if (store.CurrentPath is not { } current)
        {
            return (false, "no current configuration");
        }
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(current, "applied.json")));
        foreach (var f in doc.RootElement.GetProperty("files").EnumerateArray())
        {
            var path = Path.Combine(current, f.GetProperty("destination").GetString()!);
            if (!File.Exists(path))
            {
                return (false, $"{path} missing");
            }
            using var stream = File.OpenRead(path);
            if (Convert.ToHexStringLower(SHA256.HashData(stream)) != f.GetProperty("sha256").GetString())
            {
                return (false, $"{path} has the wrong content");
            }
        }
        return (true, null);
    }

    private static async Task RunChildAsync(IReadOnlyList<string> command, string stick, string state, string keys, TimeSpan? killAfter, CancellationToken ct)
    {
        var psi = new ProcessStartInfo(command[0]) { RedirectStandardOutput = true, RedirectStandardError = true };
        // The kiosk display file and the progress file stay beside the state folder, never the device's own.
        var beside = Path.GetDirectoryName(Path.GetFullPath(state))!;
        foreach (var a in command.Skip(1).Concat(["provision", stick, "--state-dir", state, "--trusted-keys", keys, "--unit", "appliance-crash-test.service", "--json",
            "--kiosk-env", Path.Combine(beside, "kiosk.env"), "--progress-file", Path.Combine(beside, "progress.json")]))
        {
            psi.ArgumentList.Add(a);
        }
        using var child = Process.Start(psi)!;
        var drain = Task.WhenAll(child.StandardOutput.ReadToEndAsync(ct), child.StandardError.ReadToEndAsync(ct));
        if (killAfter is { } delay)
        {
            var exited = child.WaitForExitAsync(ct);
            if (await Task.WhenAny(exited, Task.Delay(delay, ct)) != exited)
            {
                child.Kill(entireProcessTree: true);
            }
        }
        await child.WaitForExitAsync(ct);
        var output = await drain;
        if (killAfter is null && child.ExitCode != 0)
        {
            throw new InvalidOperationException($"provision child failed ({child.ExitCode}): {output[0]} {output[1]}");
        }
    }

    private static string MakeStick(string root, string name, int modelBytes, int seed, ECDsa key)
    {
        var stick = Path.Combine(root, "stick-" + name);
        Directory.CreateDirectory(Path.Combine(stick, "models"));
        var data = new byte[modelBytes];
        new Random(seed).NextBytes(data);
        "GGUF"u8.CopyTo(data);
        File.WriteAllBytes(Path.Combine(stick, "models", $"model-{name}.gguf"), data);
        File.WriteAllText(Path.Combine(stick, "faq.md"), $"# FAQ {name}\n");
        File.WriteAllText(Path.Combine(stick, Stick.DocumentName), $"""
            schema_version: 1
            device: {"{"} name: crash-{name} {"}"}
            models:
              - file: models/model-{name}.gguf
                sha256: {Convert.ToHexStringLower(SHA256.HashData(data))}
                size: {modelBytes}
                engine: llama
                role: llm
            knowledge: [faq.md]
            """);
        StickSigner.Sign(stick, key);
        return stick;
    }

    private sealed class NoRestart : IProvisioningTarget
    {
        public Task<string?> RestartAndWaitReadyAsync(TimeSpan timeout, CancellationToken cancellationToken) => Task.FromResult<string?>(null);

        public DeviceFacts Facts() => new("crash-harness", null, null, null);
    }
}
