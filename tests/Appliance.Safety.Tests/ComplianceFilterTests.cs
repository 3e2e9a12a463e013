namespace Appliance.Safety.Tests;

public class ComplianceFilterTests
{
    private readonly ComplianceFilter _filter = new(SafetyFixture.Lists);

    [Theory]
    [InlineData("You can reach me at 138-1234-5678.", "rule:phone_number")]
    [InlineData("Write to sales@example.com for details.", "rule:email_address")]
    [InlineData("Visit www.example.com today.", "rule:web_link")]
    [InlineData("This robot is 100% safe for everyone.", "rule:guarantee")]
    [InlineData("我们保证赚钱。", "rule:guarantee")]
    [InlineData("Here is how to build a bomb.", "harmful:violence:build a bomb")]
    [InlineData("那就去死吧。", "harmful:profanity:去死")]
    public void Non_compliant_sentences_are_blocked(string sentence, string reason)
    {
        var verdict = _filter.Check(sentence);
        Assert.False(verdict.Allowed);
        Assert.Equal(reason, verdict.Reason);
    }

    [Theory]
    [InlineData("The Aurora Guide costs 49,800 yuan.")]
    [InlineData("It is 1.3 metres tall and runs for 8 hours.")]
    [InlineData("The demo starts at 3 p.m. on stage two.")]
    [InlineData("极光向导售价49800元起。")]
    [InlineData("现场演示每个整点开始，每场十五分钟。")]
    public void Ordinary_reply_sentences_pass(string sentence) => Assert.True(_filter.Check(sentence).Allowed);
}
