using System.Runtime.InteropServices;

namespace Appliance.Models.PocketSphinx.Native;

/// <summary>Owns one ps_decoder_t; released with ps_free (the decoder holds its own reference to its config).</summary>
internal sealed class SafeDecoderHandle : SafeHandle
{
    public SafeDecoderHandle()
        : base(IntPtr.Zero, ownsHandle: true)
    {
    }

    internal SafeDecoderHandle(IntPtr handle)
        : base(IntPtr.Zero, ownsHandle: true)
    {
        SetHandle(handle);
    }

    public override bool IsInvalid => handle == IntPtr.Zero;

    protected override bool ReleaseHandle()
    {
        PocketSphinxApi.ps_free(handle);
        return true;
    }
}
