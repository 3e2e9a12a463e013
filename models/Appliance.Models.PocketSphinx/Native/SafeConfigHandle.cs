using System.Runtime.InteropServices;

namespace Appliance.Models.PocketSphinx.Native;

/// <summary>
/// Owns one reference to a cmd_ln_t. ps_init takes its own reference, so the config can be released
/// right after the decoder is created.
/// </summary>
internal sealed class SafeConfigHandle : SafeHandle
{
    internal SafeConfigHandle(IntPtr handle)
        : base(IntPtr.Zero, ownsHandle: true)
    {
        SetHandle(handle);
    }

    public override bool IsInvalid => handle == IntPtr.Zero;

    protected override bool ReleaseHandle()
    {
        SphinxBase.cmd_ln_free_r(handle);
        return true;
    }
}
