using Appliance.Drivers.Cpu.Interop;
using System.Runtime.InteropServices;

namespace Appliance.Drivers.Cpu.Detection;

/// <summary>
/// Linux hands out AMX tile-data state per process on request (arch_prctl ARCH_REQ_XCOMP_PERM,
/// kernel 5.16+); without the grant the first tile instruction kills the process with SIGILL.
/// ggml's AMX backend asks for it itself; asking here tells the technician whether it would succeed.
/// </summary>
public static class AmxPermission
{
    public const long ARCH_GET_XCOMP_PERM = 0x1022;
    public const long ARCH_REQ_XCOMP_PERM = 0x1023;
    public const int XFEATURE_XTILEDATA = 18;

    /// <summary>Requests tile-data permission for this process and reads the permitted mask back.</summary>
    public static unsafe AmxPermissionResult Request()
    {
        if (!OperatingSystem.IsLinux() || RuntimeInformation.ProcessArchitecture != Architecture.X64)
        {
            return new(false, null, "not x86-64 Linux");
        }
        var rc = Libc.syscall(Libc.SYS_arch_prctl, ARCH_REQ_XCOMP_PERM, XFEATURE_XTILEDATA);
        var requestErrno = rc == 0 ? 0 : Marshal.GetLastSystemError();
        ulong mask = 0;
        var getRc = Libc.syscall(Libc.SYS_arch_prctl, ARCH_GET_XCOMP_PERM, (long)(nint)(&mask));
        ulong? permitted = getRc == 0 ? mask : null;
        var granted = rc == 0 && permitted is { } m && (m & (1UL << XFEATURE_XTILEDATA)) != 0;
        var detail = rc == 0
            ? $"arch_prctl(ARCH_REQ_XCOMP_PERM, XTILEDATA) = 0"
            : $"arch_prctl(ARCH_REQ_XCOMP_PERM, XTILEDATA) failed: errno {requestErrno} ({Errno(requestErrno)})";
        return new(granted, permitted, detail);
    }

    private static string Errno(int errno) => errno switch
    {
        22 => "EINVAL: the CPU or kernel has no AMX tile state",
        95 => "EOPNOTSUPP: dynamic XSTATE not supported",
        28 => "ENOSPC: the signal stack is too small for tile state",
        1 => "EPERM: denied",
        _ => "see arch_prctl(2)",
    };
}

/// <summary>Outcome of the AMX permission request; <c>PermittedMask</c> is ARCH_GET_XCOMP_PERM's answer.</summary>
public sealed record AmxPermissionResult(bool Granted, ulong? PermittedMask, string Detail);
