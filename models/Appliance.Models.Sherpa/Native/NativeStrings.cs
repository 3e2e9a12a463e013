using System.Runtime.InteropServices;
using System.Text;

namespace Appliance.Models.Sherpa.Native;

/// <summary>
/// NUL-terminated UTF-8 copies of the strings a config struct points to, alive until Dispose. The
/// create functions copy what they need, so the arena only has to outlive the create call.
/// </summary>
internal sealed unsafe class NativeStrings : IDisposable
{
    private readonly List<IntPtr> blocks = [];

    /// <summary>A NUL-terminated copy, or NULL for null (the C API then applies its default).</summary>
    public byte* Add(string? text)
    {
        if (text is null)
        {
            return null;
        }
        var count = Encoding.UTF8.GetByteCount(text);
        var block = (byte*)NativeMemory.Alloc((nuint)count + 1);
        blocks.Add((IntPtr)block);
        Encoding.UTF8.GetBytes(text, new Span<byte>(block, count));
        block[count] = 0;
        return block;
    }

    public void Dispose()
    {
        foreach (var block in blocks)
        {
            NativeMemory.Free((void*)block);
        }
        blocks.Clear();
    }

    /// <summary>Reads a C string the library owns (NULL becomes empty).</summary>
    public static string Read(byte* text) => text is null ? string.Empty : Marshal.PtrToStringUTF8((IntPtr)text) ?? string.Empty;
}
