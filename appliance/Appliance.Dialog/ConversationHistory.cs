using Appliance.Core.Dialog;

namespace Appliance.Dialog;

/// <summary>
/// The rolling memory of a conversation: user/assistant exchanges, newest kept within a token budget.
/// An interrupted reply is stored as what was actually heard, marked, so the model knows the visitor
/// did not hear the rest.
/// </summary>
public sealed class ConversationHistory(int tokenBudget, Func<string, int> countTokens)
{
    public const string InterruptedMarker = " [interrupted by the visitor]";

    private readonly List<(string User, string Assistant)> _turns = [];
    private readonly Lock _gate = new();

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _turns.Count;
            }
        }
    }

    public void Add(string user, string spokenReply, bool interrupted)
    {
        var assistant = interrupted ? spokenReply.TrimEnd() + InterruptedMarker : spokenReply;
        lock (_gate)
        {
            _turns.Add((user, assistant));
            // Keep the list itself bounded too: old turns beyond any budget are never needed again.
            if (_turns.Count > 64)
            {
                _turns.RemoveRange(0, _turns.Count - 64);
            }
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _turns.Clear();
        }
    }

    /// <summary>The newest whole exchanges that fit the budget, oldest first.</summary>
    public IReadOnlyList<ChatMessage> Recent()
    {
        List<(string User, string Assistant)> turns;
        lock (_gate)
        {
            turns = [.. _turns];
        }
        var kept = new List<ChatMessage>();
        var used = 0;
        for (var i = turns.Count - 1; i >= 0; i--)
        {
            var cost = countTokens(turns[i].User) + countTokens(turns[i].Assistant) + 8;
            if (used + cost > tokenBudget)
            {
                break;
            }
            used += cost;
            kept.Insert(0, new ChatMessage(ChatRole.Assistant, turns[i].Assistant));
            kept.Insert(0, new ChatMessage(ChatRole.User, turns[i].User));
        }
        return kept;
    }
}
