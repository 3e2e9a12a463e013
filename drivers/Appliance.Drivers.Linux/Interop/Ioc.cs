namespace Appliance.Drivers.Linux.Interop;

/// <summary>
/// The asm-generic _IOC request encoding (x86-64, arm64): dir(2) | size(14) | type(8) | nr(8).
/// Layout tests compare these against the kernel headers' own macros.
/// </summary>
public static class Ioc
{
    private const int NrBits = 8, TypeBits = 8, SizeBits = 14;
    private const int NrShift = 0, TypeShift = NrShift + NrBits, SizeShift = TypeShift + TypeBits, DirShift = SizeShift + SizeBits;
    private const uint None = 0, Write = 1, Read = 2;

    public static nuint IOC(uint dir, uint type, uint nr, uint size)
    {
        if (size >= 1u << SizeBits)
        {
            throw new ArgumentOutOfRangeException(nameof(size), $"ioctl argument of {size} bytes does not fit the size field");
        }
        return (nuint)(dir << DirShift | type << TypeShift | nr << NrShift | size << SizeShift);
    }

    public static nuint IO(uint type, uint nr) => IOC(None, type, nr, 0);

    public static nuint IOR(uint type, uint nr, uint size) => IOC(Read, type, nr, size);

    public static nuint IOW(uint type, uint nr, uint size) => IOC(Write, type, nr, size);

    public static nuint IOWR(uint type, uint nr, uint size) => IOC(Read | Write, type, nr, size);
}
