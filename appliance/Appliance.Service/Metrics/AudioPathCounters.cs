namespace Appliance.Service.Metrics;

/// <summary>
/// The live audio path's health counters as /metrics shows them (read on each scrape from the
/// drivers' counters; the service does not reference the audio driver).
/// </summary>
/// <param name="CaptureOverruns">Capture xruns: the device had audio the reader was too slow to take.</param>
/// <param name="PlaybackUnderruns">Playback xruns: the device ran dry mid-reply.</param>
/// <param name="DroppedBlocks">Captured blocks thrown away because the conversation loop fell behind.</param>
/// <param name="DeviceLosses">Capture failures (device unplugged, read error) bridged by reopening.</param>
public sealed record AudioPathCounters(long CaptureOverruns, long PlaybackUnderruns, long DroppedBlocks, long DeviceLosses);
