namespace Appliance.Drivers.Cpu.Detection;

/// <summary>A detected value with where it came from ("CPUID leaf 4", "/proc/meminfo MemTotal", ...).</summary>
public sealed record Sourced<T>(T Value, string Source);
