namespace Appliance.Drivers.Cpu.Detection;

/// <summary>Logical CPUs this process may use, and physical cores (distinct package/core ids in sysfs).</summary>
public sealed record Topology(Sourced<int> LogicalCpus, Sourced<int> PhysicalCores, Sourced<int> OnlineCpus)
{
    public static Topology Detect()
    {
        var logical = new Sourced<int>(Environment.ProcessorCount, "Environment.ProcessorCount (sched affinity and cgroup quota)");
        const string cpuRoot = "/sys/devices/system/cpu";
        var onlineText = File.Exists($"{cpuRoot}/online") ? File.ReadAllText($"{cpuRoot}/online").Trim() : null;
        var online = new Sourced<int>(CacheDetector.CountCpuList(onlineText), $"{cpuRoot}/online");
        var cores = new HashSet<(string, string)>();
        if (Directory.Exists(cpuRoot))
        {
            foreach (var dir in Directory.GetDirectories(cpuRoot, "cpu*"))
            {
                var topo = Path.Combine(dir, "topology");
                var core = Path.Combine(topo, "core_id");
                var package = Path.Combine(topo, "physical_package_id");
                if (File.Exists(core) && File.Exists(package))
                {
                    cores.Add((File.ReadAllText(package).Trim(), File.ReadAllText(core).Trim()));
                }
            }
        }
        var physical = cores.Count > 0
            ? new Sourced<int>(cores.Count, $"{cpuRoot}/cpu*/topology (distinct package+core ids)")
            : new Sourced<int>(logical.Value, "assumed = logical CPUs (no sysfs topology)");
        return new(logical, physical, online);
    }
}
