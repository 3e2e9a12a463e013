using Microsoft.Win32.SafeHandles;

namespace Appliance.Drivers.Dsp.Interop;

/// <summary>Owns one native object; released exactly once with speex_resampler_destroy.</summary>
internal sealed class ResamplerHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public ResamplerHandle()
        : base(ownsHandle: true)
    {
    }

    protected override bool ReleaseHandle()
    {
        SpeexDspNative.speex_resampler_destroy(handle);
        return true;
    }
}
