using System.Globalization;
using Appliance.Drivers.Linux.Interop;

namespace Appliance.Provisioning.Apply;

/// <summary>
/// Versioned configurations on the state partition. Each applied stick becomes versions/vNNNN (made
/// complete in a staging folder, marked, synced, then renamed into place); `current` is a symbolic
/// link switched with one rename(2). A crash at any point leaves `current` on a complete version:
/// the old one before the rename, the new one after. <see cref="Recover"/> clears leftovers at start.
/// </summary>
public sealed class ConfigStore
{
    public const string CompleteMarker = ".complete";
    private const string StagingPrefix = ".staging-";

    public ConfigStore(string root)
    {
        Root = root;
        Directory.CreateDirectory(VersionsDir);
    }

    public string Root { get; }

    public string VersionsDir => Path.Combine(Root, "versions");

    public string CurrentLink => Path.Combine(Root, "current");

    /// <summary>No configuration has ever been applied: the device is as it left the factory.</summary>
    public bool IsFactoryState => Current is null;

    /// <summary>Name of the version `current` points to (e.g. v0003), or null.</summary>
    public string? Current
    {
        get
        {
            var target = new FileInfo(CurrentLink).LinkTarget;
            if (target is null)
            {
                return null;
            }
            var name = Path.GetFileName(target.TrimEnd('/'));
            return IsComplete(name) ? name : null;
        }
    }

    public string? CurrentPath => Current is { } c ? Path.Combine(VersionsDir, c) : null;

    /// <summary>Complete versions, oldest first.</summary>
    public IReadOnlyList<string> Versions =>
        Directory.EnumerateDirectories(VersionsDir, "v*")
            .Select(Path.GetFileName)
            .OfType<string>()
            .Where(IsComplete)
            .OrderBy(Number)
            .ToList();

    /// <summary>The newest complete version older than the current one.</summary>
    public string? Previous => Current is { } c ? Versions.Where(v => Number(v) < Number(c)).LastOrDefault() : null;

    public string BeginStaging()
    {
        var path = Path.Combine(VersionsDir, StagingPrefix + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(path);
        return path;
    }

    /// <summary>Marks a fully written staging folder complete and moves it to the next version name.</summary>
    public string Commit(string staging)
    {
        SyncTree(staging);
        var marker = Path.Combine(staging, CompleteMarker);
        using (var f = new FileStream(marker, FileMode.CreateNew, FileAccess.Write))
        {
            f.Write("complete\n"u8);
            f.Flush(flushToDisk: true);
        }
        Libc.FsyncDirectory(staging);
        // Every v* folder counts, complete or not, so a new version never reuses a number.
        var next = Directory.EnumerateDirectories(VersionsDir, "v*").Select(Path.GetFileName).OfType<string>()
            .Select(Number).DefaultIfEmpty(0).Max() + 1;
        var name = $"v{next:D4}";
        Directory.Move(staging, Path.Combine(VersionsDir, name));
        Libc.FsyncDirectory(VersionsDir);
        return name;
    }

    /// <summary>Points `current` at <paramref name="version"/> atomically.</summary>
    public void Switch(string version)
    {
        if (!IsComplete(version))
        {
            throw new InvalidOperationException($"version {version} is not complete; refusing to switch to it");
        }
        var temp = CurrentLink + ".new";
        if (new FileInfo(temp).LinkTarget is not null)
        {
            File.Delete(temp);
        }
        File.CreateSymbolicLink(temp, Path.Combine("versions", version));
        Libc.Rename(temp, CurrentLink);
        Libc.FsyncDirectory(Root);
    }

    /// <summary>Removes what an interrupted apply left behind and repairs a dangling `current`.</summary>
    public IReadOnlyList<string> Recover()
    {
        var actions = new List<string>();
        foreach (var staging in Directory.EnumerateDirectories(VersionsDir, StagingPrefix + "*"))
        {
            Directory.Delete(staging, recursive: true);
            actions.Add($"removed unfinished staging {Path.GetFileName(staging)}");
        }
        foreach (var dir in Directory.EnumerateDirectories(VersionsDir, "v*").Where(d => !IsComplete(Path.GetFileName(d))))
        {
            Directory.Delete(dir, recursive: true);
            actions.Add($"removed incomplete {Path.GetFileName(dir)}");
        }
        var temp = new FileInfo(CurrentLink + ".new");
        if (temp.LinkTarget is not null || temp.Exists)
        {
            temp.Delete();
            actions.Add("removed unfinished link switch");
        }
        var link = new FileInfo(CurrentLink);
        if (link.LinkTarget is not null && Current is null)
        {
            var fallback = Versions.LastOrDefault();
            if (fallback is null)
            {
                link.Delete();
                actions.Add("current pointed at nothing usable; back to factory state");
            }
            else
            {
                Switch(fallback);
                actions.Add($"current pointed at nothing usable; switched to {fallback}");
            }
        }
        return actions;
    }

    /// <summary>Deletes the oldest versions beyond <paramref name="keep"/>, never the current one.</summary>
    public IReadOnlyList<string> Prune(int keep)
    {
        var current = Current;
        var removable = Versions.Where(v => v != current).ToList();
        var excess = Versions.Count - Math.Max(keep, 1);
        var removed = removable.Take(Math.Max(excess, 0)).ToList();
        foreach (var v in removed)
        {
            Directory.Delete(Path.Combine(VersionsDir, v), recursive: true);
        }
        return removed;
    }

    public bool IsComplete(string version) =>
        File.Exists(Path.Combine(VersionsDir, version, CompleteMarker));

    private static int Number(string version) =>
        version.Length > 1 && int.TryParse(version.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;

    /// <summary>fsyncs every file and folder below <paramref name="dir"/> (copies already flushed themselves; this covers small files).</summary>
    private static void SyncTree(string dir)
    {
        foreach (var file in Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories))
        {
            using var f = new FileStream(file, FileMode.Open, FileAccess.Read);
            Libc.fsync((int)f.SafeFileHandle.DangerousGetHandle());
        }
        foreach (var sub in Directory.EnumerateDirectories(dir, "*", SearchOption.AllDirectories))
        {
            Libc.FsyncDirectory(sub);
        }
    }
}
