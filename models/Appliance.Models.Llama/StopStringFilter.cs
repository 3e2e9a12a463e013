using System.Text;

namespace Appliance.Models.Llama;

/// <summary>
/// Holds back text that could be the start of a stop string, so a stop string is never emitted even when
/// it arrives split across tokens; reports when one is complete.
/// </summary>
internal sealed class StopStringFilter(IReadOnlyList<string> stops)
{
    private readonly StringBuilder _held = new();

    public bool Stopped { get; private set; }

    /// <summary>Text that is safe to emit after appending <paramref name="text"/>.</summary>
    public string Push(string text)
    {
        if (Stopped)
        {
            return "";
        }
        _held.Append(text);
        if (stops.Count == 0)
        {
            return TakeAll();
        }
        var held = _held.ToString();
        var first = -1;
        foreach (var s in stops)
        {
            var i = s.Length == 0 ? -1 : held.IndexOf(s, StringComparison.Ordinal);
            if (i >= 0 && (first < 0 || i < first))
            {
                first = i;
            }
        }
        if (first >= 0)
        {
            Stopped = true;
            _held.Clear();
            return held[..first];
        }
        var keep = 0;
        foreach (var s in stops)
        {
            for (var k = Math.Min(s.Length - 1, held.Length); k > keep; k--)
            {
                if (held.AsSpan(held.Length - k).SequenceEqual(s.AsSpan(0, k)))
                {
                    keep = k;
                    break;
                }
            }
        }
        _held.Clear().Append(held, held.Length - keep, keep);
        return held[..^keep];
    }

    /// <summary>At the end of generation the held text was not a stop string after all.</summary>
    public string Flush() => Stopped ? "" : TakeAll();

    private string TakeAll()
    {
        var s = _held.ToString();
        _held.Clear();
        return s;
    }
}
