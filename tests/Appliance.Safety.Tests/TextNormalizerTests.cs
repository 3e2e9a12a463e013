namespace Appliance.Safety.Tests;

public class TextNormalizerTests
{
    [Theory]
    [InlineData("ＨＥＬＬＯ　Ｗｏｒｌｄ", "hello world")]
    [InlineData("k i l l", "kill")]
    [InlineData("k.i.l.l", "kill")]
    [InlineData("b0mb", "bomb")]
    [InlineData("5 ways in 2024", "5 ways in 2024")]
    [InlineData("炸 弹", "炸弹")]
    [InlineData("炸-*-弹", "炸弹")]
    [InlineData("a  b", "a b")]
    [InlineData("wo\u200Brd", "word")]
    public void Folds_the_usual_tricks(string input, string expected) => Assert.Equal(expected, TextNormalizer.Normalize(input));
}
