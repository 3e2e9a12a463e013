using Appliance.Core.Dialog;
using Appliance.Dialog.Knowledge;
using Appliance.Dialog.Persona;
using Appliance.TestSupport.Fakes;

namespace Appliance.Dialog.Tests;

/// <summary>A persona passed per reply (a reloaded configuration) instead of the dialog's own.</summary>
public class PersonaOverrideTests
{
    private static readonly KnowledgeBase Booth = KnowledgeBase.LoadDefault();

    private static readonly PersonaProfile Quill = PersonaProfile.Default with
    {
        Name = "Quill",
        SystemPrompt = "You are Quill. You answer like a librarian.",
        DontKnow = new("Quill has no idea.", "不知道。"),
    };

    [Fact]
    public async Task The_llm_prompt_opens_with_the_operators_system_prompt_and_keeps_the_rules()
    {
        var llm = new FakeChatModel("[neutral] Shh.");
        var dialog = new DialogManager(PersonaProfile.Default, Booth, llm);

        await dialog.Respond("what is the capital of mongolia", "en", Quill, default).Pieces.ToListAsync();

        var system = llm.Prompts.Single()[0];
        Assert.Equal(ChatRole.System, system.Role);
        Assert.StartsWith("You are Quill. You answer like a librarian. Reply in English", system.Content);
        Assert.DoesNotContain("Nova", system.Content);
        Assert.Contains(PersonaProfile.Default.Rules[0], system.Content);
    }

    [Fact]
    public async Task The_knowledge_responder_says_the_given_personas_i_do_not_know()
    {
        var dialog = new DialogManager(PersonaProfile.Default, Booth, new KnowledgeResponder(Booth, PersonaProfile.Default));

        var reply = dialog.Respond("what is the capital of mongolia", "en", Quill, default);

        Assert.Equal("Quill has no idea.", string.Concat(await reply.Pieces.ToListAsync()));
        Assert.Equal(PersonaProfile.Default.DontKnow.En, string.Concat(await dialog.Respond("what is the capital of mongolia", "en", default).Pieces.ToListAsync()));
    }
}
