using Appliance.Drivers.Cpu.Interop;
using System.Runtime.InteropServices;

namespace Appliance.Drivers.Cpu.Detection;

/// <summary>
/// Reads XCR0, the register in which the OS says which register states (XMM, YMM, ZMM, AMX tiles) it
/// saves on context switch. CPUID only says the silicon has a feature; executing AVX/AVX-512/AMX
/// without the matching XCR0 bits faults (#UD), and ggml's own variant scoring does not check it
/// ("FIXME: this does not check for OS support" in cpu-feats.cpp).
/// .NET has no XGETBV intrinsic, so this maps one private page, writes the 13-byte routine
/// <c>xor ecx,ecx; xgetbv; shl rdx,32; or rax,rdx; ret</c>, flips the page to read+execute (never
/// writable and executable at once) and calls it through an unmanaged function pointer.
/// </summary>
public static class Xcr0
{
    private static readonly byte[] Routine =
    [
        0x31, 0xC9,             // xor ecx, ecx        (XCR0 is extended control register 0)
        0x0F, 0x01, 0xD0,       // xgetbv              (edx:eax = XCR[ecx])
        0x48, 0xC1, 0xE2, 0x20, // shl rdx, 32
        0x48, 0x09, 0xD0,       // or  rax, rdx
        0xC3,                   // ret
    ];

    /// <summary>XCR0, or null when XGETBV is not allowed (no OSXSAVE) or not on x86-64 Linux.</summary>
    /// <exception cref="InvalidOperationException">The executable page could not be mapped (e.g. a W^X policy).</exception>
    public static unsafe ulong? Read()
    {
        if (!OperatingSystem.IsLinux() || RuntimeInformation.ProcessArchitecture != Architecture.X64 || !Cpuid.OsXsave)
        {
            return null;
        }
        const nuint pageSize = 4096;
        var page = Libc.mmap(0, pageSize, Libc.PROT_READ | Libc.PROT_WRITE, Libc.MAP_PRIVATE | Libc.MAP_ANONYMOUS, -1, 0);
        if (page == -1)
        {
            throw new InvalidOperationException($"mmap for the XGETBV stub failed (errno {Marshal.GetLastSystemError()})");
        }
        try
        {
            Routine.CopyTo(new Span<byte>((void*)page, Routine.Length));
            if (Libc.mprotect(page, pageSize, Libc.PROT_READ | Libc.PROT_EXEC) != 0)
            {
                throw new InvalidOperationException($"mprotect(PROT_EXEC) for the XGETBV stub failed (errno {Marshal.GetLastSystemError()})");
            }
            var xgetbv = (delegate* unmanaged<ulong>)page;
            return xgetbv();
        }
        finally
        {
            Libc.munmap(page, pageSize);
        }
    }

    /// <summary>Names of the state components set in <paramref name="xcr0"/> (SDM vol. 1, 13.1).</summary>
    public static IReadOnlyList<string> Describe(ulong xcr0)
    {
        string[] names = ["x87", "SSE", "AVX", "BNDREG", "BNDCSR", "opmask", "ZMM_Hi256", "Hi16_ZMM", "PT", "PKRU",
            "PASID", "CET_U", "CET_S", "HDC", "UINTR", "LBR", "HWP", "XTILECFG", "XTILEDATA", "APX"];
        var list = new List<string>();
        for (var i = 0; i < names.Length; i++)
        {
            if ((xcr0 & (1UL << i)) != 0)
            {
                list.Add(names[i]);
            }
        }
        return list;
    }
}
