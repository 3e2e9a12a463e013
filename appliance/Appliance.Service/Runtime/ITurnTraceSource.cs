namespace Appliance.Service.Runtime;

/// <summary>Recent turns, newest first. The pipeline keeps a bounded ring; the API pages over it.</summary>
public interface ITurnTraceSource
{
    IReadOnlyList<TurnTrace> Recent(int max);
}
