using Appliance.Dialog.Knowledge;

namespace Appliance.Dialog.Tests;

public class KnowledgeBaseTests
{
    private static readonly KnowledgeBase Booth = KnowledgeBase.LoadDefault();

    [Fact]
    public void Default_knowledge_loads_all_three_formats_in_both_languages()
    {
        var sources = Booth.Entries.Select(e => Path.GetExtension(e.Source.Split(':', '#')[0])).Distinct().ToList();
        Assert.Contains(".md", sources);
        Assert.Contains(".yaml", sources);
        Assert.Contains(".csv", sources);
        Assert.Contains(Booth.Entries, e => e.Language == "zh");
        Assert.Contains(Booth.Entries, e => e.Language == "en");
        Assert.Contains(Booth.Entries, e => e.Curated);
    }

    [Theory]
    [InlineData("how much does the guide robot cost", "price")]
    [InlineData("what's the price", "price")]
    [InlineData("how long does the battery last", "battery")]
    [InlineData("when is the live demo", "demo")]
    [InlineData("is there a free gift", "gift")]
    [InlineData("how heavy is it", "weight")]
    [InlineData("does it need the internet", "offline")]
    [InlineData("机器人多少钱", "price")]
    [InlineData("演示几点开始", "demo")]
    [InlineData("电池续航多久", "battery")]
    [InlineData("洗手间在哪", "restroom")]
    [InlineData("有保修吗", "warranty")]
    public void The_right_entry_ranks_first(string question, string expectedId)
    {
        var hits = Booth.Search(question, LanguageDetector.Detect(question, null, "en"));
        Assert.NotEmpty(hits);
        Assert.Equal(expectedId, hits[0].Entry.Id);
    }

    [Fact]
    public void Ranking_prefers_the_entry_whose_terms_match_more_specifically()
    {
        var kb = new KnowledgeBase(
        [
            new KnowledgeEntry("a", "en", ["robot colours"], "The robot comes in white.", false, "t"),
            new KnowledgeEntry("b", "en", ["robot battery life"], "The battery lasts 8 hours.", false, "t"),
            new KnowledgeEntry("c", "en", ["robot robot robot"], "A robot.", false, "t"),
        ]);
        var hits = kb.Search("robot battery");
        Assert.Equal(["b", "c", "a"], hits.Select(h => h.Entry.Id));
        Assert.True(hits[0].Confidence > hits[1].Confidence);
    }

    [Fact]
    public void Unrelated_questions_have_low_confidence()
    {
        var best = Booth.Search("what is the capital of mongolia", "en").FirstOrDefault();
        Assert.True(best is null || best.Confidence < 0.5, $"{best?.Entry.Id} {best?.Confidence}");
    }

    [Fact]
    public void Chinese_is_tokenised_into_character_bigrams()
    {
        Assert.Equal(["开放", "放时", "时间"], SearchTokenizer.Tokenize("开放时间"));
        Assert.Equal(["robot", "价格", "is", "3999"], SearchTokenizer.Tokenize("Robots，价格 is ３９９９"));
    }

    [Fact]
    public void Translations_are_linked_by_id()
    {
        var en = Booth.Entries.First(e => e.Id == "price" && e.Language == "en");
        Assert.Equal("zh", Booth.Translate(en, "zh").Language);
        Assert.Equal("price", Booth.Translate(en, "zh").Id);
    }
}
