using Microsoft.Win32.SafeHandles;

namespace Appliance.Drivers.Audio.Interop;

/// <summary>An open PaStream; closed exactly once with Pa_CloseStream (which also stops it).</summary>
internal sealed class PaStreamHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public PaStreamHandle()
        : base(ownsHandle: true)
    {
    }

    public PaStreamHandle(IntPtr stream)
        : base(ownsHandle: true) => SetHandle(stream);

    protected override bool ReleaseHandle() => PortAudioNative.Pa_CloseStream(handle) == PortAudioNative.paNoError;
}
