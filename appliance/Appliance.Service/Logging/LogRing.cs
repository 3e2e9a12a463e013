namespace Appliance.Service.Logging;

/// <summary>The last N log lines in memory, for GET /api/logs (the journal is the full record).</summary>
public sealed class LogRing(int capacity = 2000)
{
    private readonly Queue<string> _lines = new();
    private readonly Lock _gate = new();

    public void Add(string line)
    {
        lock (_gate)
        {
            _lines.Enqueue(line);
            while (_lines.Count > capacity)
            {
                _lines.Dequeue();
            }
        }
    }

    public IReadOnlyList<string> Tail(int max)
    {
        lock (_gate)
        {
            return _lines.Skip(Math.Max(0, _lines.Count - max)).ToList();
        }
    }
}
