using Appliance.Avatar.Visemes;

namespace Appliance.Avatar.Tests;

public class VisemeMapperTests
{
    [Theory]
    [InlineData("p", Viseme.MBP)]
    [InlineData("b", Viseme.MBP)]
    [InlineData("m", Viseme.MBP)]
    [InlineData("f", Viseme.FV)]
    [InlineData("v", Viseme.FV)]
    [InlineData("T", Viseme.TH)]
    [InlineData("D", Viseme.TH)]
    [InlineData("tS", Viseme.CH)]
    [InlineData("dZ", Viseme.CH)]
    [InlineData("S", Viseme.CH)]
    [InlineData("t", Viseme.DST)]
    [InlineData("n", Viseme.DST)]
    [InlineData("l", Viseme.DST)]
    [InlineData("k", Viseme.DST)]
    [InlineData("'aI", Viseme.AA)]
    [InlineData("a#", Viseme.AA)]
    [InlineData("@", Viseme.AA)]
    [InlineData("@L", Viseme.DST)]
    [InlineData(",E", Viseme.E)]
    [InlineData("3:", Viseme.E)]
    [InlineData("i:", Viseme.I)]
    [InlineData("j", Viseme.I)]
    [InlineData("oU", Viseme.O)]
    [InlineData("O:", Viseme.O)]
    [InlineData("u:", Viseme.U)]
    [InlineData("w", Viseme.U)]
    [InlineData("_", Viseme.Rest)]
    [InlineData("_:", Viseme.Rest)]
    [InlineData("", Viseme.Rest)]
    [InlineData("ts.h", Viseme.CH)] // pinyin "ch"
    [InlineData("au2", Viseme.AA)]  // pinyin vowel with tone digit
    public void MapsEspeakSymbols(string phoneme, Viseme expected) => Assert.Equal(expected, VisemeMapper.Map(phoneme));

    [Fact]
    public void EveryVisemeHasAShapeInTheBuiltInRig()
    {
        var rig = System.Text.Json.Nodes.JsonNode.Parse(new Hub.AvatarAssets().Get("rig.json")!.Value.Bytes)!;
        foreach (var v in Enum.GetNames<Viseme>())
        {
            Assert.NotNull(rig["visemes"]![v]);
        }
        foreach (var e in Enum.GetNames<Core.Speech.Emotion>())
        {
            Assert.NotNull(rig["expressions"]![e.ToLowerInvariant()]);
        }
        foreach (var g in new[] { "wave", "heart", "bow", "point", "akimbo" })
        {
            Assert.NotNull(rig["gestures"]![g]);
        }
    }
}
