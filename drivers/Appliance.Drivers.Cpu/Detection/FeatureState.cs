namespace Appliance.Drivers.Cpu.Detection;

/// <summary>
/// One feature's detection: the silicon has it (CPUID), the OS saves its registers (XCR0), the kernel
/// lets this process use it (AMX only), the configured cap allows it — and so whether it is usable.
/// </summary>
public sealed record FeatureState(
    CpuFeature Feature,
    string Name,
    bool Cpuid,
    bool OsEnabled,
    bool? KernelPermits,
    bool AllowedByCap,
    bool? ProcCpuinfo,
    string Source)
{
    public bool Usable => Cpuid && OsEnabled && KernelPermits != false && AllowedByCap;
}
