using System.Security.Cryptography;
using System.Text.Json;
using Appliance.Drivers.Linux.Interop;
using Appliance.Provisioning.Document;
using Appliance.Provisioning.Reporting;
using Appliance.Provisioning.Signing;

namespace Appliance.Provisioning.Apply;

/// <summary>
/// Applies a stick: authenticity → schema and references → disk space (nothing written yet) → copy
/// into a staging version while hashing every byte (a mismatch or a pulled stick aborts; the running
/// configuration is untouched) → commit → atomic switch → restart and health check → automatic
/// rollback when the appliance does not become ready. A report goes back onto the stick in every case.
/// </summary>
public sealed class ProvisioningService(ProvisioningOptions options, IProvisioningTarget target, TimeProvider? clock = null)
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private readonly ConfigStore _store = new(options.StateDir);

    public ConfigStore Store => _store;

    public async Task<ProvisioningResult> ApplyAsync(string stickFolder, bool dryRun, IProgress<ProvisioningProgress>? progress = null, CancellationToken ct = default)
    {
        var result = new ProvisioningResult { Started = _clock.GetUtcNow() };
        var start = _clock.GetTimestamp();
        Stick? stick = null;
        string? staging = null;
        try
        {
            result.Notes.AddRange(_store.Recover());
            stick = new Stick(stickFolder);
            progress?.Report(new ProvisioningProgress(ProvisioningPhase.Validating, "reading " + Stick.DocumentName));
            var document = ReadDocument(stick);
            result.DeviceName = document.Device.Name;
            var problems = new List<string>();
            var signed = CheckAuthenticity(stick, result, problems);
            problems.AddRange(DocumentValidator.Validate(document));
            var plan = Plan(document, stick, signed, problems);
            CheckDiskSpace(plan, problems);
            if (problems.Count > 0)
            {
                throw new ProvisioningException(problems);
            }

            staging = dryRun ? null : _store.BeginStaging();
            Copy(plan, staging, result, progress, ct);
            if (dryRun)
            {
                result.Outcome = ProvisioningOutcome.Validated;
                return result;
            }

            CopyDocuments(stick, staging!);
            if (options.KioskEnvPath is { } kioskEnv)
            {
                KioskEnv.Stage(document, staging!, kioskEnv);
            }
            await File.WriteAllTextAsync(Path.Combine(staging!, "applied.json"), JsonSerializer.Serialize(new
            {
                applied = result.Started,
                device = document.Device.Name,
                signer = result.Signer,
                files = result.Files,
            }, JsonOptions), ct);
            progress?.Report(new ProvisioningProgress(ProvisioningPhase.Switching, "activating"));
            var version = _store.Commit(staging!);
            staging = null;
            result.Version = version;
            result.PreviousVersion = _store.Current;
            _store.Switch(version);

            progress?.Report(new ProvisioningProgress(ProvisioningPhase.Restarting, "restarting the appliance on " + version));
            var failure = await target.RestartAndWaitReadyAsync(options.Ready, ct);
            if (failure is not null)
            {
                await RollBackAsync(result, failure, ct);
            }
            else
            {
                result.Outcome = ProvisioningOutcome.Applied;
                await InstallKioskEnvAsync(version, result, ct);
                var pruned = _store.Prune(options.KeepVersions);
                if (pruned.Count > 0)
                {
                    result.Notes.Add($"removed old versions: {string.Join(", ", pruned)}");
                }
            }
            return result;
        }
        catch (ProvisioningException e)
        {
            result.Outcome = ProvisioningOutcome.Refused;
            result.Problems.AddRange(e.Problems);
            return result;
        }
        finally
        {
            if (staging is not null && Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
            result.Duration = _clock.GetElapsedTime(start);
            result.Device = SafeFacts(result);
            progress?.Report(new ProvisioningProgress(
                result.Outcome is ProvisioningOutcome.Applied or ProvisioningOutcome.Validated ? ProvisioningPhase.Done : ProvisioningPhase.Failed,
                result.Outcome.ToString()));
            if (stick is not null)
            {
                result.ReportPath = ReportWriter.TryWrite(stick, result);
            }
        }
    }

    /// <summary>Switches back to the previous version and restarts on it (`provision rollback`).</summary>
    public async Task<string> RollbackAsync(CancellationToken ct)
    {
        _store.Recover();
        var previous = _store.Previous ?? throw new ProvisioningException(
            _store.Current is null ? "nothing to roll back: the device is in factory state" : $"nothing to roll back to: {_store.Current} is the oldest version kept");
        var from = _store.Current;
        _store.Switch(previous);
        await InstallKioskEnvAsync(previous, null, ct);
        var failure = await target.RestartAndWaitReadyAsync(options.Ready, ct);
        return failure is null ? $"rolled back from {from} to {previous}" : $"rolled back from {from} to {previous}, but the appliance is not ready: {failure}";
    }

    /// <summary>Puts <paramref name="version"/>'s kiosk.env in force and restarts the display when it changed.</summary>
    private async Task InstallKioskEnvAsync(string version, ProvisioningResult? result, CancellationToken ct)
    {
        if (options.KioskEnvPath is not { } path)
        {
            return;
        }
        try
        {
            if (KioskEnv.Install(Path.Combine(_store.VersionsDir, version), path))
            {
                result?.Notes.Add($"display settings written to {path}");
                await target.DisplayChangedAsync(ct);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The configuration is applied and ready; only the display keeps its old settings.
            result?.Problems.Add($"display settings not written to {path}: {e.Message}");
        }
    }

    internal static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    private async Task RollBackAsync(ProvisioningResult result, string failure, CancellationToken ct)
    {
        result.Outcome = ProvisioningOutcome.RolledBack;
        result.Problems.Add($"the appliance did not become ready on {result.Version}: {failure}");
        var bad = result.Version!;
        if (result.PreviousVersion is { } previous)
        {
            _store.Switch(previous);
            result.Notes.Add($"rolled back to {previous}");
        }
        else
        {
            File.Delete(_store.CurrentLink);
            Libc.FsyncDirectory(_store.Root);
            result.Notes.Add("rolled back to the factory configuration");
        }
        Directory.Delete(Path.Combine(_store.VersionsDir, bad), recursive: true);
        var again = await target.RestartAndWaitReadyAsync(options.Ready, ct);
        if (again is not null)
        {
            result.Problems.Add($"after rollback the appliance is not ready either: {again}");
        }
    }

    private static ProvisioningDocument ReadDocument(Stick stick)
    {
        var info = new FileInfo(stick.DocumentPath);
        if (info.Length > ProvisioningParser.MaxDocumentBytes)
        {
            throw new ProvisioningException($"{Stick.DocumentName}: {info.Length} bytes is too large for a provisioning file");
        }
        return ProvisioningParser.Parse(File.ReadAllText(stick.DocumentPath));
    }

    /// <summary>True when the document is signed by a trusted key; adds a problem when a signature is required and missing or bad.</summary>
    private bool CheckAuthenticity(Stick stick, ProvisioningResult result, List<string> problems)
    {
        using var trust = new TrustStore(options.TrustedKeyDirs);
        result.Notes.AddRange(trust.LoadErrors);
        try
        {
            result.Signer = trust.Verify(stick.DocumentPath);
            if (File.Exists(stick.ManifestPath))
            {
                trust.Verify(stick.ManifestPath);
            }
            return true;
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            var unsigned = !File.Exists(stick.DocumentPath + DetachedSignature.Suffix);
            if (unsigned && _store.IsFactoryState && options.AllowUnsignedInFactory)
            {
                result.Notes.Add("unsigned stick accepted: the device is in factory state and unsigned provisioning is allowed");
                return false;
            }
            problems.Add($"authenticity: {e.Message}" + (unsigned ? " — sign the stick with `appliance provision sign`" : ""));
            return false;
        }
    }

    private sealed record PlannedFile(string Field, string Source, string Destination, long Size, string? ExpectedSha256);

    private List<PlannedFile> Plan(ProvisioningDocument document, Stick stick, bool signed, List<string> problems)
    {
        var plan = new List<PlannedFile>();
        var manifest = File.Exists(stick.ManifestPath) ? ReadManifest(stick.ManifestPath, problems) : null;
        var models = document.Models ?? [];
        for (var i = 0; i < models.Count; i++)
        {
            var m = models[i];
            var (path, problem) = stick.Resolve(m.File, $"models[{i}].file");
            if (problem is not null)
            {
                problems.Add(problem);
                continue;
            }
            var size = new FileInfo(path!).Length;
            if (size != m.Size)
            {
                problems.Add($"models[{i}] {m.File}: {size} bytes on the stick, {m.Size} declared (incomplete copy?)");
                continue;
            }
            if (m.Engine == "llama" && !HasGgufMagic(path!))
            {
                problems.Add($"models[{i}] {m.File}: not a GGUF file");
                continue;
            }
            plan.Add(new PlannedFile($"models[{i}]", path!, Path.Combine("models", m.Role, Path.GetFileName(m.File)), size, m.Sha256.ToLowerInvariant()));
        }
        foreach (var (field, files, folder) in new[] { ("knowledge", document.Knowledge, "knowledge"), ("safety.lists", document.Safety?.Lists, "safety") })
        {
            for (var i = 0; i < (files?.Count ?? 0); i++)
            {
                var (path, problem) = stick.Resolve(files![i], $"{field}[{i}]");
                if (problem is not null)
                {
                    problems.Add(problem);
                    continue;
                }
                string? expected = null;
                if (signed)
                {
                    var key = files[i].Replace('\\', '/');
                    if (manifest is null || !manifest.TryGetValue(key, out expected))
                    {
                        problems.Add($"{field}[{i}] {files[i]}: not covered by a signed {Stick.ManifestName} (run `appliance provision sign` again)");
                        continue;
                    }
                }
                plan.Add(new PlannedFile($"{field}[{i}]", path!, Path.Combine(folder, Path.GetFileName(files[i])), new FileInfo(path!).Length, expected));
            }
        }
        foreach (var clash in plan.GroupBy(p => p.Destination).Where(g => g.Count() > 1))
        {
            problems.Add($"{string.Join(" and ", clash.Select(p => p.Field))} would both be installed as {clash.Key}; rename one");
        }
        return plan;
    }

    private void CheckDiskSpace(List<PlannedFile> plan, List<string> problems)
    {
        var reusable = ReusableFiles();
        var needed = plan.Where(p => p.ExpectedSha256 is null || !reusable.ContainsKey(p.ExpectedSha256)).Sum(p => p.Size);
        var free = new DriveInfo(_store.Root).AvailableFreeSpace;
        if (needed + options.DiskMarginBytes > free)
        {
            problems.Add($"disk: {Mb(needed)} to copy plus a {Mb(options.DiskMarginBytes)} margin, but only {Mb(free)} free on {_store.Root}");
        }
    }

    private void Copy(List<PlannedFile> plan, string? staging, ProvisioningResult result, IProgress<ProvisioningProgress>? progress, CancellationToken ct)
    {
        var reusable = ReusableFiles();
        var total = plan.Sum(p => p.Size);
        long done = 0;
        foreach (var file in plan)
        {
            var destination = staging is null ? null : Path.Combine(staging, file.Destination);
            if (destination is not null && file.ExpectedSha256 is not null && reusable.TryGetValue(file.ExpectedSha256, out var existing))
            {
                Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
                Libc.HardLink(existing, destination);
                done += file.Size;
                result.Files.Add(new FileRecord(file.Field, Path.GetFileName(file.Source), file.Destination, file.Size, file.ExpectedSha256, "kept (same sha256 as installed)"));
                progress?.Report(new ProvisioningProgress(ProvisioningPhase.Copying, file.Destination, done, total));
                continue;
            }
            var label = $"{file.Field} {Path.GetFileName(file.Source)}";
            var sha = FileCopier.CopyAndHash(file.Source, destination, label, n =>
            {
                done += n;
                progress?.Report(new ProvisioningProgress(ProvisioningPhase.Copying, file.Destination, done, total));
            }, ct);
            if (file.ExpectedSha256 is not null && sha != file.ExpectedSha256)
            {
                throw new ProvisioningException($"{label}: sha256 is {sha}, expected {file.ExpectedSha256} — the file on the stick is damaged or was changed after signing");
            }
            result.Files.Add(new FileRecord(file.Field, Path.GetFileName(file.Source), file.Destination, file.Size, sha, staging is null ? "verified" : "copied"));
        }
    }

    /// <summary>sha256 → path of files the current version already holds (so identical models are hard-linked, not copied).</summary>
    private Dictionary<string, string> ReusableFiles()
    {
        var map = new Dictionary<string, string>();
        if (_store.CurrentPath is not { } current || !File.Exists(Path.Combine(current, "applied.json")))
        {
            return map;
        }
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(current, "applied.json")));
            foreach (var f in doc.RootElement.GetProperty("files").EnumerateArray())
            {
                var path = Path.Combine(current, f.GetProperty("destination").GetString()!);
                if (File.Exists(path))
                {
                    map.TryAdd(f.GetProperty("sha256").GetString()!, path);
                }
            }
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            // An unreadable record only costs a full copy.
        }
        return map;
    }

    private static void CopyDocuments(Stick stick, string staging)
    {
        foreach (var name in new[] { Stick.DocumentName, Stick.DocumentName + DetachedSignature.Suffix, Stick.ManifestName, Stick.ManifestName + DetachedSignature.Suffix })
        {
            var source = Path.Combine(stick.Root, name);
            if (File.Exists(source))
            {
                File.Copy(source, Path.Combine(staging, name));
            }
        }
    }

    private static Dictionary<string, string>? ReadManifest(string path, List<string> problems)
    {
        var map = new Dictionary<string, string>();
        foreach (var line in File.ReadAllLines(path).Where(l => l.Trim().Length > 0))
        {
            var parts = line.Split("  ", 2);
            if (parts.Length != 2 || parts[0].Length != 64)
            {
                problems.Add($"{Stick.ManifestName}: malformed line '{line}' (expected 'SHA256  path')");
                return null;
            }
            map[parts[1].Trim()] = parts[0].ToLowerInvariant();
        }
        return map;
    }

    private static bool HasGgufMagic(string path)
    {
        Span<byte> magic = stackalloc byte[4];
        using var f = File.OpenRead(path);
        return f.Read(magic) == 4 && magic.SequenceEqual("GGUF"u8);
    }

    private DeviceFacts? SafeFacts(ProvisioningResult result)
    {
        try
        {
            return target.Facts();
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or UnauthorizedAccessException)
        {
            result.Notes.Add($"device facts unavailable: {e.Message}");
            return null;
        }
    }

    private static string Mb(long bytes) => $"{bytes / 1048576.0:F1} MiB";
}
