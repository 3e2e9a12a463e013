using Appliance.Core.Dialog;
using Appliance.Dialog.Knowledge;
using Appliance.Dialog.Persona;
using Appliance.Dialog.Prompting;

namespace Appliance.Dialog;

/// <summary>
/// Chooses who answers a turn and keeps the conversation's memory: a curated intent that matches well
/// is answered verbatim; otherwise the chat model (an LLM, or the knowledge-base responder when none is
/// provisioned) gets the persona prompt with retrieved facts and the recent history.
/// </summary>
public sealed class DialogManager
{
    private readonly KnowledgeBase _knowledge;
    private readonly IChatModel _model;
    private readonly DialogOptions _options;

    public DialogManager(PersonaProfile persona, KnowledgeBase knowledge, IChatModel model, DialogOptions? options = null)
    {
        Persona = persona;
        _knowledge = knowledge;
        _model = model;
        _options = options ?? new DialogOptions();
        History = new ConversationHistory(_options.HistoryTokenBudget, model.CountTokens);
    }

    public PersonaProfile Persona { get; }

    public ConversationHistory History { get; }

    public string ModelName => _model.Name;

    public DialogReply Respond(string userText, string language, CancellationToken cancellationToken) =>
        Respond(userText, language, Persona, cancellationToken);

    /// <summary>
    /// Answers as <paramref name="persona"/> (the one the turn started with: a reloaded configuration
    /// changes the persona between turns, never inside one).
    /// </summary>
    public DialogReply Respond(string userText, string language, PersonaProfile persona, CancellationToken cancellationToken)
    {
        if (_model is KnowledgeResponder responder)
        {
            var (answer, entry) = responder.Answer(userText, language, persona);
            return new DialogReply(entry is null ? "kb:dont-know" : $"kb:{entry.Id}", Stream(answer));
        }
        var hits = _knowledge.Search(userText, language, _options.KnowledgeFacts);
        var best = hits.FirstOrDefault();
        if (best is { Entry.Curated: true } && best.Confidence >= _options.CuratedThreshold)
        {
            var entry = _knowledge.Translate(best.Entry, language);
            return new DialogReply($"curated:{entry.Id}", Stream(entry.Answer));
        }
        var facts = hits.Where(h => h.Confidence >= _options.FactThreshold).Select(h => h with { Entry = _knowledge.Translate(h.Entry, language) }).ToList();
        var messages = PromptBuilder.Build(persona, language, facts, History.Recent(), userText);
        return new DialogReply($"llm:{_model.Name}", _model.ChatAsync(messages, _options.EffectiveGeneration, cancellationToken));
    }

    /// <summary>Remembers what was actually said (the heard part only when interrupted).</summary>
    public void Record(string userText, string spokenReply, bool interrupted) => History.Add(userText, spokenReply, interrupted);

    private static async IAsyncEnumerable<string> Stream(string text)
    {
        foreach (var piece in KnowledgeResponder.Pieces(text))
        {
            yield return piece;
        }
        await Task.CompletedTask;
    }
}
