using Appliance.Core.Dialog;
using Appliance.TestSupport;

namespace Appliance.Models.Llama.Tests;

[Collection(LlamaCollection.Name)]
public sealed class ChatTests(LlamaFixture fixture)
{
    private static readonly List<ChatMessage> Conversation =
    [
        new(ChatRole.System, "You are a kiosk."),
        new(ChatRole.User, "Hi there"),
        new(ChatRole.Assistant, "Hello!"),
        new(ChatRole.User, "Where is the exit?"),
    ];

    private static readonly LlamaContextOptions OneThread = new() { Threads = 1 };

    /// <summary>llama-2-tiny-random has a Llama-2 tokenizer but no tokenizer.chat_template: the ChatML fallback applies.</summary>
    [Fact]
    public void TinyRandomHasNoTemplateSoTheFallbackIsUsed()
    {
        using var chat = LlamaChatModel.Open(SharedData.TinyRandomLlama, OneThread);
        Assert.Null(chat.Model.ChatTemplate);
        Assert.True(chat.UsesFallbackTemplate);
        Assert.Equal("chatml", chat.Template);
        Assert.EndsWith("<|im_start|>user\nWhere is the exit?<|im_end|>\n<|im_start|>assistant\n", chat.FormatPrompt(Conversation), StringComparison.Ordinal);
        Assert.StartsWith("<|im_start|>system\nYou are a kiosk.<|im_end|>\n", chat.FormatPrompt(Conversation), StringComparison.Ordinal);
    }

    /// <summary>The Llama-2 template through llama_chat_apply_template on the Llama-2 vocabulary: one BOS, "&lt;/s&gt;" parsed as EOS.</summary>
    [Fact]
    public void Llama2TemplateFormatsAndTokenizesWithOneBos()
    {
        using var chat = LlamaChatModel.Open(SharedData.TinyRandomLlama, OneThread, template: "llama2");
        Assert.False(chat.UsesFallbackTemplate);
        Assert.Equal("[INST] You are a kiosk.\nHi there [/INST]Hello!</s>[INST] Where is the exit? [/INST]", chat.FormatPrompt(Conversation));
        var tokens = chat.TokenizePrompt(Conversation);
        Assert.Equal(chat.Model.Bos, tokens[0]);
        Assert.NotEqual(chat.Model.Bos, tokens[1]);
        Assert.Contains(chat.Model.Eos, tokens); // the template's </s> became the control token, not text
    }

    [Fact]
    public async Task TinyRandomStreamsAReply()
    {
        using var chat = LlamaChatModel.Open(SharedData.TinyRandomLlama, OneThread, template: "llama2");
        var pieces = new List<string>();
        await foreach (var p in chat.ChatAsync(Conversation, GenerationOptions.Greedy with { MaxTokens = 6 }))
        {
            pieces.Add(p);
        }
        Assert.NotEmpty(string.Concat(pieces));
        Assert.Equal(6, chat.LastTimings!.GeneratedTokens);
    }

    [Fact]
    public void UnknownTemplateIsAClearError()
    {
        var e = Assert.Throws<LlamaException>(() => LlamaChatTemplate.Apply("{% this is no template llama.cpp knows %}", Conversation));
        Assert.Contains("does not support this template", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ChatMustEndWithAUserMessage()
    {
        using var chat = new LlamaChatModel(fixture.Stories, OneThread);
        Assert.Throws<ArgumentException>(() => chat.ChatAsync(Conversation[..3], GenerationOptions.Greedy));
        Assert.Throws<ArgumentException>(() => chat.ChatAsync([], GenerationOptions.Greedy));
    }

    /// <summary>Turn 2 of a conversation evaluates only what turn 1 did not already put in the cache.</summary>
    [Fact]
    public async Task SecondTurnReusesPersonaAndHistory()
    {
        IChatModel model = new LlamaChatModel(fixture.Stories, OneThread);
        using var _ = model;
        var chat = (LlamaChatModel)model;
        var persona = new ChatMessage(ChatRole.System, "Lily is a little girl who loves to play outside in the park with her red ball and her dog Max.");
        List<ChatMessage> turn1 = [persona, new(ChatRole.User, "Once upon a time")];
        var reply1 = string.Concat(await model.ChatAsync(turn1, GenerationOptions.Greedy with { MaxTokens = 12 }).ToListAsync());
        var t1 = chat.LastTimings!;
        Assert.Equal(0, t1.PromptTokensReused);

        List<ChatMessage> turn2 = [.. turn1, new(ChatRole.Assistant, reply1), new(ChatRole.User, "What happened next?")];
        var reply2 = string.Concat(await model.ChatAsync(turn2, GenerationOptions.Greedy with { MaxTokens = 12 }).ToListAsync());
        var t2 = chat.LastTimings!;
        Assert.True(t2.PromptTokensReused >= t1.PromptTokens, $"turn 1 {t1}, turn 2 {t2}");
        Assert.True(t2.PromptTokensEvaluated * 2 < t2.PromptTokens, $"turn 2 {t2}");
        Assert.NotNull(reply2);
    }

    [Fact]
    public void NameAndTokenCount()
    {
        using var chat = new LlamaChatModel(fixture.Stories, OneThread);
        Assert.Equal($"stories260K (guessed) all F32 {fixture.Info.Variant}", chat.Name);
        Assert.Equal(4, chat.CountTokens("Once upon a time"));
    }
}
