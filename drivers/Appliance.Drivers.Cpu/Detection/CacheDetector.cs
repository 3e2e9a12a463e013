namespace Appliance.Drivers.Cpu.Detection;

/// <summary>
/// Cache sizes from sysfs (what the kernel derived, also right under hypervisors that trim CPUID),
/// falling back to CPUID deterministic cache parameters (leaf 4 on Intel, 8000001Dh on AMD).
/// </summary>
public static class CacheDetector
{
    public const string SysfsRoot = "/sys/devices/system/cpu/cpu0/cache";

    public static IReadOnlyList<CacheLevel> Detect()
    {
        var fromSysfs = FromSysfs(SysfsRoot);
        return fromSysfs.Count > 0 ? fromSysfs : FromCpuid();
    }

    public static IReadOnlyList<CacheLevel> FromSysfs(string root)
    {
        var list = new List<CacheLevel>();
        if (!Directory.Exists(root))
        {
            return list;
        }
        foreach (var dir in Directory.GetDirectories(root, "index*").Order(StringComparer.Ordinal))
        {
            string? Read(string name) => File.Exists(Path.Combine(dir, name)) ? File.ReadAllText(Path.Combine(dir, name)).Trim() : null;
            if (!int.TryParse(Read("level"), out var level))
            {
                continue;
            }
            var size = ParseSize(Read("size"));
            int.TryParse(Read("coherency_line_size"), out var line);
            var shared = CountCpuList(Read("shared_cpu_list"));
            list.Add(new(level, Read("type") ?? "Unknown", size, line, shared, $"sysfs {dir}"));
        }
        return list;
    }

    public static IReadOnlyList<CacheLevel> FromCpuid()
    {
        var list = new List<CacheLevel>();
        if (!Cpuid.IsAvailable)
        {
            return list;
        }
        var amd = Cpuid.Vendor == "AuthenticAMD";
        var leaf = amd ? 0x8000_001Du : 4u;
        for (uint sub = 0; sub < 16; sub++)
        {
            var r = Cpuid.Read(leaf, sub);
            var type = r.Eax & 0x1F;
            if (type == 0)
            {
                break;
            }
            var level = (int)((r.Eax >> 5) & 0x7);
            var ways = ((r.Ebx >> 22) & 0x3FF) + 1;
            var partitions = ((r.Ebx >> 12) & 0x3FF) + 1;
            var lineSize = (r.Ebx & 0xFFF) + 1;
            var sets = r.Ecx + 1L;
            var sharing = (int)((r.Eax >> 14) & 0xFFF) + 1;
            var typeName = type switch { 1 => "Data", 2 => "Instruction", 3 => "Unified", _ => "Unknown" };
            list.Add(new(level, typeName, ways * partitions * lineSize * sets, (int)lineSize, sharing, $"CPUID leaf {leaf:X}h sub-leaf {sub}"));
        }
        return list;
    }

    /// <summary>Parses sysfs sizes such as "48K", "2048K", "32M".</summary>
    public static long ParseSize(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return 0;
        }
        var multiplier = char.ToUpperInvariant(text[^1]) switch { 'K' => 1024L, 'M' => 1024L * 1024, 'G' => 1024L * 1024 * 1024, _ => 1L };
        var digits = multiplier == 1 ? text : text[..^1];
        return long.TryParse(digits, out var n) ? n * multiplier : 0;
    }

    /// <summary>Counts CPUs in a kernel cpu list such as "0-3,8-11" or "0".</summary>
    public static int CountCpuList(string? list)
    {
        if (string.IsNullOrWhiteSpace(list))
        {
            return 0;
        }
        var count = 0;
        foreach (var part in list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var dash = part.IndexOf('-');
            count += dash < 0 ? 1 : int.Parse(part[(dash + 1)..]) - int.Parse(part[..dash]) + 1;
        }
        return count;
    }
}
