namespace Appliance.Service.Runtime;

/// <summary>
/// Beats is a counter the pipeline advances every time its audio loop makes progress (e.g. per
/// processed block, also while idle). A counter that stops moving means a wedged pipeline.
/// </summary>
public readonly record struct HeartbeatReading(long Beats, bool Healthy, string? Problem);
