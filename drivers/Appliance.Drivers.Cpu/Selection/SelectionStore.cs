using System.Text.Json;

namespace Appliance.Drivers.Cpu.Selection;

/// <summary>
/// Measured selections cached as JSON in the state directory ($APPLIANCE_STATE, else
/// $XDG_STATE_HOME/appliance, else ~/.local/state/appliance), keyed by CPU and model fingerprint so a
/// new model or a different box measures again.
/// </summary>
public sealed class SelectionStore
{
    public const string FileName = "cpu-selection.json";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public SelectionStore(string? stateDir = null)
    {
        StateDir = stateDir ?? DefaultStateDir();
    }

    public string StateDir { get; }

    public string Path => System.IO.Path.Combine(StateDir, FileName);

    public static string DefaultStateDir()
    {
        var explicitDir = Environment.GetEnvironmentVariable("APPLIANCE_STATE");
        if (!string.IsNullOrEmpty(explicitDir))
        {
            return explicitDir;
        }
        var xdg = Environment.GetEnvironmentVariable("XDG_STATE_HOME");
        var baseDir = !string.IsNullOrEmpty(xdg) ? xdg : System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "state");
        return System.IO.Path.Combine(baseDir, "appliance");
    }

    /// <summary>A model's identity for caching: file name, size and modification time (cheap; no hashing of GBs).</summary>
    public static string ModelFingerprint(string modelPath)
    {
        var info = new FileInfo(modelPath);
        return info.Exists ? $"{info.Name}|{info.Length}|{info.LastWriteTimeUtc:O}" : $"{info.Name}|missing";
    }

    public IReadOnlyList<CpuSelection> All()
    {
        if (!File.Exists(Path))
        {
            return [];
        }
        try
        {
            return JsonSerializer.Deserialize<List<CpuSelection>>(File.ReadAllText(Path), Json) ?? [];
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{Path} is not a valid selection cache ({e.Message}); delete it to measure again", e);
        }
    }

    public CpuSelection? Find(string cpuFingerprint, string modelFingerprint) =>
        All().LastOrDefault(s => s.CpuFingerprint == cpuFingerprint && s.ModelFingerprint == modelFingerprint);

    public void Save(CpuSelection selection)
    {
        var list = All().Where(s => !(s.CpuFingerprint == selection.CpuFingerprint && s.ModelFingerprint == selection.ModelFingerprint)).ToList();
        list.Add(selection);
        Directory.CreateDirectory(StateDir);
        var tmp = Path + ".tmp";
        File.WriteAllText(tmp, JsonSerializer.Serialize(list, Json));
        File.Move(tmp, Path, overwrite: true); // atomic: a crash never leaves half a file
    }
}
