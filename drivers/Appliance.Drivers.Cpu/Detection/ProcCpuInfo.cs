namespace Appliance.Drivers.Cpu.Detection;

/// <summary>The first processor block of /proc/cpuinfo: model name and the kernel's feature flags.</summary>
public sealed record ProcCpuInfo(string? ModelName, IReadOnlySet<string> Flags, int LogicalProcessors)
{
    public const string DefaultPath = "/proc/cpuinfo";

    public static ProcCpuInfo? Read(string path = DefaultPath) => File.Exists(path) ? Parse(File.ReadAllText(path)) : null;

    public static ProcCpuInfo Parse(string text)
    {
        string? model = null;
        HashSet<string>? flags = null;
        var processors = 0;
        foreach (var line in text.Split('\n'))
        {
            var colon = line.IndexOf(':');
            if (colon < 0)
            {
                continue;
            }
            var key = line[..colon].Trim();
            var value = line[(colon + 1)..].Trim();
            switch (key)
            {
                case "processor":
                    processors++;
                    break;
                case "model name":
                    model ??= value;
                    break;
                case "flags":
                    flags ??= new HashSet<string>(value.Split(' ', StringSplitOptions.RemoveEmptyEntries), StringComparer.Ordinal);
                    break;
            }
        }
        return new(model, flags ?? new HashSet<string>(StringComparer.Ordinal), processors);
    }
}
