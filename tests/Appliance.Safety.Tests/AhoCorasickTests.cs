using FsCheck;
using FsCheck.Fluent;

namespace Appliance.Safety.Tests;

public class AhoCorasickTests
{
    [Fact]
    public void Finds_overlapping_and_nested_patterns()
    {
        var ac = new AhoCorasick(["he", "she", "his", "hers"]);
        var found = ac.FindAll("ushers").Select(m => ("ushers".Substring(m.Start, m.Length), m.Pattern)).ToList();
        Assert.Equal([("she", 1), ("he", 0), ("hers", 3)], found);
    }

    [Fact]
    public void Agrees_with_naive_search_on_random_inputs()
    {
        // Property: every (start, pattern) the automaton reports is exactly the set a naive scan finds.
        var alphabet = Gen.Elements('a', 'b', 'c', '炸', '弹');
        var word = Gen.ArrayOf(alphabet).Select(a => new string(a));
        var patterns = Gen.ListOf(word.Where(w => w.Length is > 0 and < 5)).Where(l => l.Count is > 0 and < 8);
        Prop.ForAll(Arb.From(patterns), Arb.From(word), (pats, text) =>
        {
            var ac = new AhoCorasick(pats);
            var fast = ac.FindAll(text).Select(m => (m.Start, m.Pattern)).OrderBy(x => x).ToList();
            var naive = new List<(int, int)>();
            for (var p = 0; p < pats.Count; p++)
            {
                for (var i = 0; i + pats[p].Length <= text.Length; i++)
                {
                    if (string.CompareOrdinal(text, i, pats[p], 0, pats[p].Length) == 0)
                    {
                        naive.Add((i, p));
                    }
                }
            }
            return fast.SequenceEqual(naive.OrderBy(x => x));
        }).QuickCheckThrowOnFailure();
    }
}
