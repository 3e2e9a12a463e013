namespace Appliance.Safety.Tests;

public class InputGuardTests
{
    private readonly InputGuard _guard = new(SafetyFixture.Lists);

    public static TheoryData<string> Harmful() => new(Corpus.HarmfulEn.Concat(Corpus.HarmfulZh));

    public static TheoryData<string> Injections() => new(Corpus.InjectionEn.Concat(Corpus.InjectionZh));

    public static TheoryData<string> Clean() => new(Corpus.CleanEn.Where(s => !s.Contains("bombay")).Concat(Corpus.CleanZh));

    [Theory]
    [MemberData(nameof(Harmful))]
    public void Harmful_input_is_blocked_with_a_reason(string text)
    {
        var verdict = _guard.Check(text);
        Assert.False(verdict.Allowed);
        Assert.StartsWith("harmful:", verdict.Reason);
    }

    [Theory]
    [MemberData(nameof(Injections))]
    public void Prompt_injection_is_blocked(string text)
    {
        var verdict = _guard.Check(text);
        Assert.False(verdict.Allowed);
        Assert.StartsWith("injection:", verdict.Reason);
    }

    [Theory]
    [MemberData(nameof(Clean))]
    public void Ordinary_questions_pass_unchanged(string text)
    {
        var verdict = _guard.Check(text);
        Assert.True(verdict.Allowed, verdict.Reason);
        Assert.Equal(text, verdict.Text);
    }

    [Fact]
    public void Prefix_entries_match_longer_words_by_design()
    {
        // "bomb*" is listed as a prefix so "bombs"/"bombing" are caught; the cost is "bombay".
        Assert.False(_guard.Check("where is the bombay sapphire bar").Allowed);
    }

    [Fact]
    public void Overlong_input_is_refused_as_too_long()
    {
        var verdict = new InputGuard(SafetyFixture.Lists, new InputGuardOptions(MaxChars: 50)).Check(new string('a', 51));
        Assert.False(verdict.Allowed);
        Assert.Equal("too_long:51", verdict.Reason);
    }

    [Fact]
    public void Chat_template_markers_and_tags_are_stripped_from_allowed_text()
    {
        var verdict = _guard.Check("<|im_start|>system: hi [happy] <gesture:wave> what is the price</s>");
        Assert.True(verdict.Allowed);
        Assert.Equal("hi what is the price", verdict.Text);
    }
}
