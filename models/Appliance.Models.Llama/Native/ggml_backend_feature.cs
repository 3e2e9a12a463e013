using System.Runtime.InteropServices;

namespace Appliance.Models.Llama.Native;

#pragma warning disable CA1707, IDE1006 // C names on purpose: this is a 1:1 mirror of ggml-backend.h

/// <summary>struct ggml_backend_feature (ggml-backend.h): one entry of a NULL-name-terminated array.</summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct ggml_backend_feature
{
    public byte* name;
    public byte* value;
}
