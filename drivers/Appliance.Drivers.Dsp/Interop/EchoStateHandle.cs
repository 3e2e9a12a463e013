using Microsoft.Win32.SafeHandles;

namespace Appliance.Drivers.Dsp.Interop;

/// <summary>Owns one native object; released exactly once with speex_echo_state_destroy.</summary>
internal sealed class EchoStateHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public EchoStateHandle()
        : base(ownsHandle: true)
    {
    }

    protected override bool ReleaseHandle()
    {
        SpeexDspNative.speex_echo_state_destroy(handle);
        return true;
    }
}
