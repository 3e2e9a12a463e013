using System.Runtime.InteropServices;

namespace Appliance.Drivers.Cpu.Interop;

/// <summary>
/// The few libc calls detection needs. libc is always present, so the loader-by-path rule for engines
/// does not apply; "libc" resolves to the process's already-loaded C library.
/// </summary>
internal static partial class Libc
{
    public const int PROT_READ = 0x1;
    public const int PROT_WRITE = 0x2;
    public const int PROT_EXEC = 0x4;
    public const int MAP_PRIVATE = 0x02;
    public const int MAP_ANONYMOUS = 0x20;

    /// <summary>x86-64 syscall number of arch_prctl.</summary>
    public const long SYS_arch_prctl = 158;

    [LibraryImport("libc", SetLastError = true)]
    public static partial nint mmap(nint addr, nuint length, int prot, int flags, int fd, nint offset);

    [LibraryImport("libc", SetLastError = true)]
    public static partial int mprotect(nint addr, nuint length, int prot);

    [LibraryImport("libc", SetLastError = true)]
    public static partial int munmap(nint addr, nuint length);

    /// <summary>
    /// syscall(2) is variadic in C; on x86-64 System V integer arguments travel in the same registers
    /// either way and glibc's syscall stub does not read %al, so a fixed 3-argument import is exact.
    /// </summary>
    [LibraryImport("libc", SetLastError = true)]
    public static partial long syscall(long number, long arg1, long arg2);
}
