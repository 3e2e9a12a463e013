namespace Appliance.Drivers.Audio;

/// <summary>A PortAudio device as technicians see it in `audio devices`.</summary>
public sealed record AudioDevice(int Index, string Name, string HostApi, int MaxInputChannels, int MaxOutputChannels, double DefaultSampleRate)
{
    public override string ToString() =>
        FormattableString.Invariant($"[{Index}] {Name} ({HostApi}, in {MaxInputChannels} ch, out {MaxOutputChannels} ch, default {DefaultSampleRate:0} Hz)");
}

public enum AudioDirection
{
    Capture,
    Playback,
}
