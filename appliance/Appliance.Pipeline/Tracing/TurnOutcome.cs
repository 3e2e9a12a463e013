namespace Appliance.Pipeline.Tracing;

public enum TurnOutcome
{
    Completed,
    Interrupted,
    Blocked,
    Empty,
    Failed,
}
