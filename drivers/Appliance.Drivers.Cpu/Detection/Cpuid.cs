using System.Runtime.Intrinsics.X86;
using System.Text;

namespace Appliance.Drivers.Cpu.Detection;

/// <summary>The four registers CPUID returns for one leaf/sub-leaf.</summary>
public readonly record struct CpuidResult(uint Eax, uint Ebx, uint Ecx, uint Edx)
{
    public uint Get(CpuidRegister register) => register switch
    {
        CpuidRegister.Eax => Eax,
        CpuidRegister.Ebx => Ebx,
        CpuidRegister.Ecx => Ecx,
        _ => Edx,
    };
}

/// <summary>
/// CPUID through the runtime's intrinsic (X86Base.CpuId executes the instruction itself). Leaves above
/// the maximum the CPU reports read as zero instead of returning stale data from the highest leaf.
/// </summary>
public static class Cpuid
{
    public static bool IsAvailable => X86Base.IsSupported;

    public static CpuidResult Read(uint leaf, uint subLeaf = 0)
    {
        if (!X86Base.IsSupported)
        {
            return default;
        }
        var max = leaf >= 0x8000_0000 ? MaxExtendedLeaf : MaxBasicLeaf;
        if (leaf > max)
        {
            return default;
        }
        return Raw(leaf, subLeaf);
    }

    public static uint MaxBasicLeaf => X86Base.IsSupported ? Raw(0, 0).Eax : 0;

    public static uint MaxExtendedLeaf => X86Base.IsSupported ? Raw(0x8000_0000, 0).Eax : 0;

    /// <summary>"GenuineIntel", "AuthenticAMD", ... (leaf 0, EBX-EDX-ECX).</summary>
    public static string Vendor
    {
        get
        {
            var r = Raw(0, 0);
            return Ascii(r.Ebx, r.Edx, r.Ecx);
        }
    }

    /// <summary>The processor brand string (leaves 80000002h-80000004h), or null when not reported.</summary>
    public static string? BrandString
    {
        get
        {
            if (MaxExtendedLeaf < 0x8000_0004)
            {
                return null;
            }
            var sb = new StringBuilder();
            for (uint leaf = 0x8000_0002; leaf <= 0x8000_0004; leaf++)
            {
                var r = Raw(leaf, 0);
                sb.Append(Ascii(r.Eax, r.Ebx, r.Ecx, r.Edx));
            }
            return sb.ToString().TrimEnd('\0').Trim();
        }
    }

    public static bool Has(CpuidBit bit) => (Read(bit.Leaf, bit.SubLeaf).Get(bit.Register) & (1u << bit.Bit)) != 0;

    /// <summary>CPUID.1:ECX.OSXSAVE[27]: the OS has set CR4.OSXSAVE, so XGETBV is legal.</summary>
    public static bool OsXsave => (Read(1).Ecx & (1u << 27)) != 0;

    private static CpuidResult Raw(uint leaf, uint subLeaf)
    {
        var (a, b, c, d) = X86Base.CpuId(unchecked((int)leaf), unchecked((int)subLeaf));
        return new(unchecked((uint)a), unchecked((uint)b), unchecked((uint)c), unchecked((uint)d));
    }

    private static string Ascii(params uint[] registers)
    {
        var bytes = new byte[registers.Length * 4];
        for (var i = 0; i < registers.Length; i++)
        {
            BitConverter.TryWriteBytes(bytes.AsSpan(i * 4), registers[i]);
        }
        return Encoding.ASCII.GetString(bytes).TrimEnd('\0');
    }
}
