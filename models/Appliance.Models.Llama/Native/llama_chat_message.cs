using System.Runtime.InteropServices;

namespace Appliance.Models.Llama.Native;

#pragma warning disable CA1707, IDE1006 // C names on purpose: this is a 1:1 mirror of llama.h

/// <summary>llama_chat_message (llama.h): NUL-terminated UTF-8 role and content.</summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct llama_chat_message
{
    public byte* role;
    public byte* content;
}
