namespace Appliance.Drivers.Cpu.Detection;

/// <summary>Which CPUID register holds a feature bit (Intel SDM vol. 2A, CPUID; same bits on AMD).</summary>
public enum CpuidRegister
{
    Eax,
    Ebx,
    Ecx,
    Edx,
}

/// <summary>One feature bit: CPUID leaf/sub-leaf, register and bit number.</summary>
public readonly record struct CpuidBit(uint Leaf, uint SubLeaf, CpuidRegister Register, int Bit)
{
    public override string ToString() => $"CPUID.(EAX={Leaf:X}h,ECX={SubLeaf}):{Register.ToString().ToUpperInvariant()}[{Bit}]";
}
