namespace Appliance.Safety;

/// <summary>One occurrence of a pattern: where it starts in the searched text and which pattern it is.</summary>
public readonly record struct PatternMatch(int Start, int Length, int Pattern);

/// <summary>
/// Aho-Corasick automaton: finds every occurrence of thousands of phrases in one pass over the text,
/// so a long list costs no more per sentence than a short one.
/// </summary>
public sealed class AhoCorasick
{
    private readonly List<Dictionary<char, int>> _next = [new()];
    private readonly List<int> _fail = [0];
    private readonly List<List<int>> _outputs = [[]];
    private readonly List<int> _lengths = [];

    public AhoCorasick(IEnumerable<string> patterns)
    {
        foreach (var pattern in patterns)
        {
            Add(pattern);
        }
        BuildFailureLinks();
    }

    public int PatternCount => _lengths.Count;

    private void Add(string pattern)
    {
        var index = _lengths.Count;
        _lengths.Add(pattern.Length);
        if (pattern.Length == 0)
        {
            return; // an empty phrase would match everywhere; it is kept only so indices line up
        }
        var node = 0;
        foreach (var c in pattern)
        {
            if (!_next[node].TryGetValue(c, out var child))
            {
                child = _next.Count;
                _next.Add(new());
                _fail.Add(0);
                _outputs.Add([]);
                _next[node][c] = child;
            }
            node = child;
        }
        _outputs[node].Add(index);
    }

    private void BuildFailureLinks()
    {
        var queue = new Queue<int>();
        foreach (var child in _next[0].Values)
        {
            queue.Enqueue(child);
        }
        while (queue.Count > 0)
        {
            var node = queue.Dequeue();
            foreach (var (c, child) in _next[node])
            {
                var f = _fail[node];
                while (f != 0 && !_next[f].ContainsKey(c))
                {
                    f = _fail[f];
                }
                _fail[child] = _next[f].TryGetValue(c, out var target) && target != child ? target : 0;
                _outputs[child].AddRange(_outputs[_fail[child]]);
                queue.Enqueue(child);
            }
        }
    }

    public List<PatternMatch> FindAll(string text)
    {
        var matches = new List<PatternMatch>();
        var node = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            while (node != 0 && !_next[node].ContainsKey(c))
            {
                node = _fail[node];
            }
            node = _next[node].TryGetValue(c, out var child) ? child : 0;
            foreach (var p in _outputs[node])
            {
                matches.Add(new PatternMatch(i - _lengths[p] + 1, _lengths[p], p));
            }
        }
        return matches;
    }
}
