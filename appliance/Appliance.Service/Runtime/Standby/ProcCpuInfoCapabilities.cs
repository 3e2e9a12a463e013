using Appliance.Core.Native;

namespace Appliance.Service.Runtime.Standby;

/// <summary>
/// Capabilities read from /proc/cpuinfo (the flags that pick a ggml variant: avx2, avx512*, amx*, vnni)
/// and which native engine folders exist. The runtime may replace this with what it actually loaded.
/// </summary>
public sealed class ProcCpuInfoCapabilities : ICapabilitiesProvider
{
    private static readonly string[] Interesting =
        ["sse4_2", "avx", "avx2", "fma", "f16c", "avx512f", "avx512bw", "avx512vl", "avx512_vnni", "avx512_bf16", "avx_vnni", "amx_tile", "amx_int8", "amx_bf16"];

    private readonly Lazy<CapabilityReport> _report = new(Build);

    public CapabilityReport Describe() => _report.Value;

    private static CapabilityReport Build()
    {
        var model = "unknown";
        var flags = new HashSet<string>(StringComparer.Ordinal);
        if (File.Exists("/proc/cpuinfo"))
        {
            foreach (var line in File.ReadLines("/proc/cpuinfo"))
            {
                var colon = line.IndexOf(':');
                if (colon < 0)
                {
                    continue;
                }
                var key = line[..colon].Trim();
                if (key == "model name" && model == "unknown")
                {
                    model = line[(colon + 1)..].Trim();
                }
                else if (key == "flags" && flags.Count == 0)
                {
                    flags.UnionWith(line[(colon + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries));
                }
            }
        }
        var engines = new Dictionary<string, string>();
        foreach (var engine in new[] { "llama", "sherpa" })
        {
            var dir = AppliancePaths.NativeDirs(engine).FirstOrDefault(Directory.Exists);
            engines[engine] = dir ?? "missing";
        }
        return new CapabilityReport(model, Environment.ProcessorCount, Interesting.Where(flags.Contains).ToList(), engines);
    }
}
