using Appliance.Pipeline.Text;
using FsCheck;
using FsCheck.Fluent;

namespace Appliance.Pipeline.Tests;

public class TagParserTests
{
    private static (string Text, List<AnimationTag> Tags, List<string> Rejected) Parse(IEnumerable<string> chunks)
    {
        var parser = new TagParser();
        var pieces = chunks.SelectMany(parser.Push).ToList();
        pieces.AddRange(parser.Flush());
        return (string.Concat(pieces.OfType<TextPiece>().Select(p => p.Text)),
            pieces.OfType<TagPiece>().Select(p => p.Tag).ToList(),
            pieces.OfType<RejectedTag>().Select(p => p.Raw).ToList());
    }

    private static (string Text, List<AnimationTag> Tags, List<string> Rejected) Parse(string text) => Parse([text]);

    [Fact]
    public void Known_tags_are_removed_and_reported_in_order()
    {
        var (text, tags, rejected) = Parse("[happy] Hello! <gesture:wave> Nice [Sad]day.");
        Assert.Equal(" Hello!  Nice day.", text);
        Assert.Equal([new AnimationTag(TagKind.Emotion, "happy"), new AnimationTag(TagKind.Gesture, "wave"), new AnimationTag(TagKind.Emotion, "sad")], tags);
        Assert.Empty(rejected);
    }

    [Theory]
    [InlineData("[dance] Hi", " Hi", "[dance]")]
    [InlineData("<gesture:fly> Hi", " Hi", "<gesture:fly>")]
    [InlineData("[happy Hi there", " Hi there", "[happy")]
    [InlineData("Hi <gesture:wave", "Hi ", "<gesture:wave")]
    [InlineData("Hi [", "Hi ", "[")]
    [InlineData("a ] b", "a  b", "]")]
    [InlineData("[hap\npy] x", "\npy x", "[hap")]
    public void Unknown_and_malformed_tags_never_reach_the_text(string input, string expectedText, string firstRejected)
    {
        var (text, tags, rejected) = Parse(input);
        Assert.Equal(expectedText, text);
        Assert.Empty(tags);
        Assert.Equal(firstRejected, rejected[0]);
    }

    [Fact]
    public void A_less_than_sign_that_opens_no_tag_stays_text()
    {
        Assert.Equal("3 < 5 and x<=y", Parse("3 < 5 and x<=y").Text.Replace("<=", "<="));
        Assert.Equal("3 < 5", Parse(["3 <", " 5"]).Text);
    }

    private static readonly string[] KnownTags = ["[happy]", "[sad]", "[surprised]", "[angry]", "[neutral]", "<gesture:wave>", "<gesture:heart>", "<gesture:bow>", "<gesture:point>", "<gesture:akimbo>"];

    private static readonly Gen<string> Plain = Gen.ArrayOf(Gen.Elements("Hello", " ", "world", ".", "你好", "3 < 4", ",", "!")).Select(p => string.Concat(p));

    private static readonly Gen<string> Noisy = Gen.ArrayOf(Gen.Elements("Hi", " ", "[", "]", "<", ">", "gesture", "wave", "happy", "[happy]", "<gesture:bow>", "\n", "[x]", "你"))
        .Select(p => string.Concat(p));

    private static IEnumerable<string> Chunk(string text, int size)
    {
        for (var i = 0; i < text.Length; i += size)
        {
            yield return text.Substring(i, Math.Min(size, text.Length - i));
        }
    }

    [Fact]
    public void Property_inserted_known_tags_come_out_exactly_and_the_text_is_untouched()
    {
        var gen = from parts in Gen.ListOf(Plain).Where(l => l.Count > 0)
                  from tags in Gen.ListOf(Gen.Elements(KnownTags))
                  select (parts, tags);
        Prop.ForAll(Arb.From(gen), x =>
        {
            var (parts, tags) = x;
            var text = string.Concat(parts);
            var mixed = string.Concat(parts.Select((p, i) => (i < tags.Count ? tags[i] : "") + p));
            var used = tags.Take(parts.Count).ToList();
            var result = Parse(mixed);
            return result.Text == text && result.Tags.Select(t => t.Kind == TagKind.Emotion ? $"[{t.Name}]" : $"<gesture:{t.Name}>").SequenceEqual(used);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Property_no_bracket_or_tag_word_ever_reaches_the_speaker()
    {
        Prop.ForAll(Arb.From(Noisy), Arb.From(Gen.Choose(1, 6)), (text, size) =>
        {
            var spoken = Parse(Chunk(text, size)).Text;
            return !spoken.Contains('[') && !spoken.Contains(']') && !KnownTags.Any(spoken.Contains) && !spoken.Contains("<gesture:");
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Property_chunking_never_changes_text_or_tags()
    {
        Prop.ForAll(Arb.From(Noisy), Arb.From(Gen.Choose(1, 6)), (text, size) =>
        {
            var whole = Parse(text);
            var chunked = Parse(Chunk(text, size));
            return whole.Text == chunked.Text && whole.Tags.SequenceEqual(chunked.Tags) && whole.Rejected.SequenceEqual(chunked.Rejected);
        }).QuickCheckThrowOnFailure();
    }
}
