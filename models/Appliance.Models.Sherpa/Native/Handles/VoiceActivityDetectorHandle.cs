using Microsoft.Win32.SafeHandles;

namespace Appliance.Models.Sherpa.Native;

/// <summary>Owns one SherpaOnnxVoiceActivityDetector; released with SherpaOnnxDestroyVoiceActivityDetector.</summary>
internal sealed class VoiceActivityDetectorHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public VoiceActivityDetectorHandle()
        : base(ownsHandle: true)
    {
    }

    internal VoiceActivityDetectorHandle(IntPtr handle)
        : base(ownsHandle: true)
    {
        SetHandle(handle);
    }

    protected override bool ReleaseHandle()
    {
        SherpaOnnx.SherpaOnnxDestroyVoiceActivityDetector(handle);
        return true;
    }
}
