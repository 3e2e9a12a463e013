namespace Appliance.Drivers.Cpu.Detection;

/// <summary>One cache as the OS or CPUID describes it; <c>SharedByLogicalCpus</c> counts hyper-threads/cores sharing it.</summary>
public sealed record CacheLevel(int Level, string Type, long SizeBytes, int LineBytes, int SharedByLogicalCpus, string Source);
