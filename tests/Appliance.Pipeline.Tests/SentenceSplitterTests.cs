using Appliance.Pipeline.Text;
using FsCheck;
using FsCheck.Fluent;

namespace Appliance.Pipeline.Tests;

public class SentenceSplitterTests
{
    private static List<string> Split(string text, SplitterOptions? options = null, IEnumerable<string>? chunks = null)
    {
        var splitter = new SentenceSplitter(options);
        var result = new List<string>();
        foreach (var chunk in chunks ?? [text])
        {
            result.AddRange(splitter.Push(chunk).Select(s => s.Text));
        }
        result.AddRange(splitter.Flush().Select(s => s.Text));
        return result;
    }

    private static readonly SplitterOptions NoEarly = new(EarlyFirstClause: false);

    [Theory]
    [InlineData("Hello there. How are you? Fine!", new[] { "Hello there.", "How are you?", "Fine!" })]
    [InlineData("Pi is 3.14 exactly. Next.", new[] { "Pi is 3.14 exactly.", "Next." })]
    [InlineData("It costs 3,999 yuan. Cheap.", new[] { "It costs 3,999 yuan.", "Cheap." })]
    [InlineData("Mr. Smith met Dr. Li at 5 p.m. today. Bye.", new[] { "Mr. Smith met Dr. Li at 5 p.m. today.", "Bye." })]
    [InlineData("Visit example.com now. Ok.", new[] { "Visit example.com now.", "Ok." })]
    [InlineData("J. R. R. Tolkien wrote it. Yes.", new[] { "J. R. R. Tolkien wrote it.", "Yes." })]
    [InlineData("He said \"wow!\" Then left.", new[] { "He said \"wow!\"", "Then left." })]
    [InlineData("Wait... what?! Really.", new[] { "Wait...", "what?!", "Really." })]
    [InlineData("你好！我是诺娃。价格是3.5元，对吗？", new[] { "你好！", "我是诺娃。", "价格是3.5元，对吗？" })]
    [InlineData("“真的吗？”她问。", new[] { "“真的吗？”", "她问。" })]
    [InlineData("Mixed 中文。And English.", new[] { "Mixed 中文。", "And English." })]
    [InlineData("no terminator at all", new[] { "no terminator at all" })]
    [InlineData("  ", new string[0])]
    public void Splits_at_sentence_ends_only(string text, string[] expected) => Assert.Equal(expected, Split(text, NoEarly));

    [Fact]
    public void The_first_long_enough_clause_goes_early_and_only_the_first()
    {
        Assert.Equal(["Welcome to the Aurora booth,", "my name is Nova, and I guide visitors.", "Hi, there."],
            Split("Welcome to the Aurora booth, my name is Nova, and I guide visitors. Hi, there."));
        Assert.Equal(["Hi, there.", "Next, part."], Split("Hi, there. Next, part."));
        Assert.Equal(["欢迎来到极光机器人展位，", "我是向导诺娃。"], Split("欢迎来到极光机器人展位，我是向导诺娃。"));
    }

    [Fact]
    public void Sentences_become_available_before_the_stream_ends()
    {
        var splitter = new SentenceSplitter(NoEarly);
        Assert.Empty(splitter.Push("Hello there."));          // could still be "there.com"
        Assert.Equal(["Hello there."], splitter.Push(" How").Select(s => s.Text));
        Assert.Equal(["你好！"], new SentenceSplitter(NoEarly).Push("你好！我").Select(s => s.Text));
    }

    [Fact]
    public void Offsets_point_at_the_sentence_in_the_stream()
    {
        var splitter = new SentenceSplitter(NoEarly);
        var all = splitter.Push("  One. Two three.").Concat(splitter.Flush()).ToList();
        Assert.Equal([(2L, 6L), (7L, 17L)], all.Select(s => (s.Start, s.End)));
    }

    [Fact]
    public void A_run_on_without_punctuation_is_cut_near_the_maximum()
    {
        var text = string.Join(" ", Enumerable.Repeat("word", 100));
        var parts = Split(text, new SplitterOptions(EarlyFirstClause: false, MaxWeight: 50));
        Assert.True(parts.Count > 5);
        Assert.All(parts, p => Assert.True(p.Length <= 56, p));
    }

    private static readonly Gen<string> Texts = Gen.ArrayOf(Gen.Elements(
            "Hello", " ", "world", ".", "!", "?", ",", "3", ".", "14", "Mr.", "e.g.", "你好", "。", "，", "！", "\"", "”", "a.m.", "\n", "x", "…"))
        .Select(parts => string.Concat(parts));

    private static readonly Gen<int[]> Cuts = Gen.ArrayOf(Gen.Choose(1, 7));

    private static IEnumerable<string> Chunk(string text, int[] cuts)
    {
        var i = 0;
        var k = 0;
        while (i < text.Length)
        {
            var n = cuts.Length == 0 ? text.Length : cuts[k++ % cuts.Length];
            yield return text.Substring(i, Math.Min(n, text.Length - i));
            i += n;
        }
    }

    [Fact]
    public void Property_chunking_never_changes_the_result()
    {
        Prop.ForAll(Arb.From(Texts), Arb.From(Cuts), (text, cuts) =>
            Split(text).SequenceEqual(Split(text, chunks: Chunk(text, cuts)))).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Property_no_letter_or_digit_is_lost_or_reordered()
    {
        static string Core(string s) => new(s.Where(char.IsLetterOrDigit).ToArray());
        Prop.ForAll(Arb.From(Texts), text => Core(string.Concat(Split(text))) == Core(text)).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Property_decimal_numbers_are_never_split()
    {
        var gen = from whole in Gen.Choose(0, 999)
                  from frac in Gen.Choose(0, 999)
                  from prefix in Texts
                  select (Number: $"{whole}.{frac}", Text: $"{prefix} costs {whole}.{frac} now. End.");
        Prop.ForAll(Arb.From(gen), x => Split(x.Text).Any(s => s.Contains(x.Number))).QuickCheckThrowOnFailure();
    }
}
