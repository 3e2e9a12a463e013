namespace Appliance.Service.Runtime;

/// <summary>
/// Beats is a counter the pipeline advances every time its audio loop makes progress (e.g. per
/// processed block, also while idle). A counter that stops moving means a wedged pipeline.
/// StartingUp is true while the pipeline loads its models, before it ever ran: a blocking native load
/// cannot beat, and that phase is bounded by the unit's TimeoutStartSec instead.
/// </summary>
public readonly record struct HeartbeatReading(long Beats, bool Healthy, string? Problem, bool StartingUp = false);
