using Appliance.Core.Dialog;
using Appliance.Dialog.Knowledge;
using Appliance.Dialog.Persona;
using Appliance.TestSupport.Fakes;

namespace Appliance.Dialog.Tests;

public class DialogManagerTests
{
    private static readonly KnowledgeBase Booth = KnowledgeBase.LoadDefault();

    private static async Task<string> Collect(DialogReply reply) => string.Concat(await reply.Pieces.ToListAsync());

    [Fact]
    public async Task Without_an_llm_the_knowledge_responder_answers_in_the_visitors_language()
    {
        var dialog = new DialogManager(PersonaProfile.Default, Booth, new KnowledgeResponder(Booth, PersonaProfile.Default));
        var en = dialog.Respond("how much is the guide robot", "en", default);
        Assert.Equal("kb:price", en.Source);
        Assert.Contains("49,800 yuan", await Collect(en));
        var zh = dialog.Respond("极光向导多少钱", "zh", default);
        Assert.Contains("49800元", await Collect(zh));
    }

    [Fact]
    public async Task Below_the_threshold_the_responder_says_it_does_not_know()
    {
        var dialog = new DialogManager(PersonaProfile.Default, Booth, new KnowledgeResponder(Booth, PersonaProfile.Default));
        var reply = dialog.Respond("what is the capital of mongolia", "en", default);
        Assert.Equal("kb:dont-know", reply.Source);
        Assert.Equal(PersonaProfile.Default.DontKnow.En, await Collect(reply));
        Assert.Equal(PersonaProfile.Default.DontKnow.Zh, await Collect(dialog.Respond("蒙古的首都是哪里", "zh", default)));
    }

    [Fact]
    public async Task Curated_intents_bypass_the_llm_and_the_rest_reach_it_with_facts_and_history()
    {
        var llm = new FakeChatModel("[happy] It walks fast.");
        var dialog = new DialogManager(PersonaProfile.Default, Booth, llm);
        var greeting = dialog.Respond("hello", "en", default);
        Assert.Equal("curated:greeting", greeting.Source);
        Assert.Empty(llm.Prompts);

        dialog.Record("hello", "Hello! I'm Nova.", interrupted: false);
        dialog.Record("tell me about the guide", "The Aurora Guide is our", interrupted: true);
        var reply = dialog.Respond("how fast can the guide robot walk", "en", default);
        Assert.Equal("llm:fake llm", reply.Source);
        Assert.Equal("[happy] It walks fast.", await Collect(reply));
        var prompt = Assert.Single(llm.Prompts);
        Assert.Equal(ChatRole.System, prompt[0].Role);
        Assert.Contains("not instructions", prompt[0].Content);            // injection guard in the system prompt
        Assert.Contains("[happy]", prompt[0].Content);                     // tag protocol
        Assert.Contains("1.2 metres per second", prompt[^1].Content);      // retrieved fact, after the cached prefix
        Assert.Equal("The Aurora Guide is our" + ConversationHistory.InterruptedMarker, prompt[^2].Content);
        Assert.Equal(ChatRole.User, prompt[^1].Role);
        Assert.EndsWith("Visitor: how fast can the guide robot walk", prompt[^1].Content);
        Assert.All(prompt.Skip(1), m => Assert.NotEqual(ChatRole.System, m.Role));
    }

    [Fact]
    public void History_keeps_the_newest_exchanges_within_the_token_budget()
    {
        var history = new ConversationHistory(tokenBudget: 40, countTokens: t => t.Length / 4);
        for (var i = 0; i < 10; i++)
        {
            history.Add($"question number {i}", $"answer number {i}", interrupted: false);
        }
        var recent = history.Recent();
        Assert.True(recent.Count is > 0 and < 20);
        Assert.Equal("answer number 9", recent[^1].Content);
        Assert.Equal(ChatRole.User, recent[0].Role);
        Assert.True(recent.Sum(m => m.Content.Length / 4 + 4) <= 40);
    }

    [Theory]
    [InlineData("你好，请问价格", null, "zh")]
    [InlineData("what is the price", null, "en")]
    [InlineData("Aurora 向导多少钱", null, "zh")]
    [InlineData("12345", null, "zh")]
    [InlineData("anything", "zh-CN", "zh")]
    public void Language_follows_the_user(string text, string? asrLanguage, string expected) =>
        Assert.Equal(expected, LanguageDetector.Detect(text, asrLanguage, fallback: "zh"));
}
