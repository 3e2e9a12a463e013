namespace Appliance.Pipeline.Replay;

/// <summary>One step of what the scripted microphone hears.</summary>
public abstract record CaptureStep;

/// <summary>A recording (mono, at the capture rate) spoken to the kiosk.</summary>
public sealed record PlayStep(string Name, float[] Samples) : CaptureStep;

/// <summary>Room silence for a while.</summary>
public sealed record SilenceStep(TimeSpan Duration) : CaptureStep;

/// <summary>
/// Waits until <paramref name="Condition"/> holds (checked every block) or <paramref name="Timeout"/> of
/// stream time passes. With <paramref name="EmitSilence"/> the microphone keeps delivering silence
/// meanwhile (a live microphone never stops); without it the stream pauses (tests on a frozen clock).
/// </summary>
public sealed record WaitStep(Func<bool> Condition, TimeSpan Timeout, bool EmitSilence = true) : CaptureStep;
