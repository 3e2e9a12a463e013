using Appliance.Models.PocketSphinx.Scoring;

namespace Appliance.Models.PocketSphinx.Tests;

public class ErrorRateTests
{
    [Fact]
    public void CountsSubstitutionsDeletionsAndInsertions()
    {
        var a = ErrorRate.Align(["a", "b", "c", "d"], ["a", "x", "c", "d", "e"]);
        Assert.Equal((1, 0, 1), (a.Substitutions, a.Deletions, a.Insertions));
        var d = ErrorRate.Align(["a", "b", "c"], ["a", "c"]);
        Assert.Equal((0, 1, 0), (d.Substitutions, d.Deletions, d.Insertions));
        Assert.Equal(1.0, ErrorRate.Align(["a", "b"], []).Rate);
        Assert.Equal(0.0, ErrorRate.Align([], []).Rate);
    }

    [Fact]
    public void CorpusRateIsTotalErrorsOverTotalWords()
    {
        var wer = new ErrorRate();
        wer.AddWords("one two three four", "one two three four");
        wer.AddWords("five six", "five");
        Assert.Equal(1.0 / 6, wer.Rate, 6);
        Assert.Equal(2, wer.Utterances);
    }

    [Theory]
    [InlineData("And so, my fellow Americans: ask NOT!", "and so my fellow americans ask not")]
    [InlineData("The museum opens at 9 and closes at 18:30.", "the museum opens at nine and closes at eighteen thirty")]
    [InlineData("It's the 21st floor, room 1,204.", "it's the twenty first floor room one thousand two hundred four")]
    [InlineData("well-known 'quoted' words", "well known quoted words")]
    public void NormalisesCasePunctuationAndNumbers(string input, string expected) =>
        Assert.Equal(expected, TextNormalizer.Normalize(input));

    [Fact]
    public void ChineseIsScoredPerCharacterWithoutPunctuation()
    {
        var cer = new ErrorRate();
        var a = cer.AddCharacters("换一首歌。", "换 一 首哥");
        Assert.Equal(4, a.ReferenceTokens);
        Assert.Equal(1, a.Substitutions);
    }

    [Theory]
    [InlineData(0, "zero")]
    [InlineData(13, "thirteen")]
    [InlineData(40, "forty")]
    [InlineData(1905, "one thousand nine hundred five")]
    [InlineData(2_000_001, "two million one")]
    public void SpellsCardinals(long value, string words) => Assert.Equal(words, NumberWords.Cardinal(value));

    [Theory]
    [InlineData(1, "first")]
    [InlineData(12, "twelfth")]
    [InlineData(20, "twentieth")]
    [InlineData(103, "one hundred third")]
    public void SpellsOrdinals(long value, string words) => Assert.Equal(words, NumberWords.Ordinal(value));
}
