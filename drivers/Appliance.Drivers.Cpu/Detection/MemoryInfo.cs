namespace Appliance.Drivers.Cpu.Detection;

/// <summary>Installed and available memory from /proc/meminfo (kB values there).</summary>
public sealed record MemoryInfo(Sourced<long> TotalBytes, Sourced<long> AvailableBytes)
{
    public const string DefaultPath = "/proc/meminfo";

    public static MemoryInfo? Read(string path = DefaultPath)
    {
        if (!File.Exists(path))
        {
            return null;
        }
        var values = Parse(File.ReadAllText(path));
        return new(new(values.GetValueOrDefault("MemTotal"), $"{path} MemTotal"),
                   new(values.GetValueOrDefault("MemAvailable"), $"{path} MemAvailable"));
    }

    /// <summary>Key → bytes for every "Key:   123 kB" line.</summary>
    public static Dictionary<string, long> Parse(string text)
    {
        var result = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var line in text.Split('\n'))
        {
            var colon = line.IndexOf(':');
            if (colon < 0)
            {
                continue;
            }
            var parts = line[(colon + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length > 0 && long.TryParse(parts[0], out var n))
            {
                result[line[..colon]] = parts.Length > 1 && parts[1] == "kB" ? n * 1024 : n;
            }
        }
        return result;
    }
}
