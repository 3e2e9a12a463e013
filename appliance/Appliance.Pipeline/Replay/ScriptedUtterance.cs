namespace Appliance.Pipeline.Replay;

/// <summary>
/// Where a played recording landed in the capture stream: its first sample, and its first and last
/// voiced samples (ground truth from the recording's energy, not from the VAD), as frames and as
/// monotonic timestamps of the capture clock.
/// </summary>
public sealed record ScriptedUtterance(string Name, long StartFrame, long VoicedStartFrame, long VoicedEndFrame, long VoicedStartTime, long VoicedEndTime);
