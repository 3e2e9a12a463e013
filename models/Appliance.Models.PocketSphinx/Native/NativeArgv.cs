using System.Runtime.InteropServices;

namespace Appliance.Models.PocketSphinx.Native;

/// <summary>
/// A C argv (NUL-terminated UTF-8 strings) for cmd_ln_parse_r. cmd_ln.h warns the strings must outlive
/// the cmd_ln_t, so the owner keeps this alive as long as the decoder built from it.
/// </summary>
internal sealed unsafe class NativeArgv : IDisposable
{
    private readonly IntPtr[] strings;
    private IntPtr array;

    public NativeArgv(IReadOnlyList<string> args)
    {
        strings = new IntPtr[args.Count];
        array = Marshal.AllocHGlobal(IntPtr.Size * (args.Count + 1));
        var slots = (IntPtr*)array;
        for (var i = 0; i < args.Count; i++)
        {
            strings[i] = Marshal.StringToCoTaskMemUTF8(args[i]);
            slots[i] = strings[i];
        }
        slots[args.Count] = IntPtr.Zero;
        Count = args.Count;
    }

    public int Count { get; }

    public byte** Pointer => (byte**)array;

    public void Dispose()
    {
        if (array == IntPtr.Zero)
        {
            return;
        }
        foreach (var s in strings)
        {
            Marshal.FreeCoTaskMem(s);
        }
        Marshal.FreeHGlobal(array);
        array = IntPtr.Zero;
    }
}
