using System.Runtime.CompilerServices;
using Appliance.Core.Dialog;
using Appliance.Dialog.Knowledge;
using Appliance.Dialog.Persona;

namespace Appliance.Dialog;

/// <summary>
/// The embedded default "model": answers the last user message with the best-matching knowledge
/// entry (in the visitor's language), or the persona's "I don't know" below the confidence threshold.
/// It implements <see cref="IChatModel"/> so the pipeline runs the same with or without an LLM.
/// </summary>
public sealed class KnowledgeResponder(KnowledgeBase knowledge, PersonaProfile persona, double threshold = 0.5) : IChatModel
{
    public string Name => $"knowledge-base ({knowledge.Entries.Count} entries)";

    public double Threshold => threshold;

    /// <summary>Whitespace words; Chinese counts per character (close to real tokenizers).</summary>
    public int CountTokens(string text) =>
        text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length + text.Count(c => c >= '\u3400');

    /// <summary>The answer text for <paramref name="question"/> and the entry it came from (null → "I don't know").</summary>
    public (string Answer, KnowledgeEntry? Entry) Answer(string question, string language) => Answer(question, language, persona);

    /// <summary>As <see cref="Answer(string, string)"/>, with the "I don't know" line of <paramref name="speaker"/>.</summary>
    public (string Answer, KnowledgeEntry? Entry) Answer(string question, string language, PersonaProfile speaker)
    {
        var best = knowledge.Search(question, language, top: 1).FirstOrDefault();
        if (best is null || best.Confidence < threshold)
        {
            return (speaker.DontKnow.For(language), null);
        }
        var entry = knowledge.Translate(best.Entry, language);
        return (entry.Answer, entry);
    }

    public async IAsyncEnumerable<string> ChatAsync(IReadOnlyList<ChatMessage> messages, GenerationOptions options,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var question = messages.LastOrDefault(m => m.Role == ChatRole.User)?.Content ?? "";
        var language = LanguageDetector.Detect(question, null, persona.Language);
        var (answer, _) = Answer(question, language);
        foreach (var piece in Pieces(answer))
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return piece;
        }
        await Task.CompletedTask;
    }

    /// <summary>Streams like an LLM would: a word (with its trailing space) or two Han characters at a time.</summary>
    public static IEnumerable<string> Pieces(string text)
    {
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var boundary = text[i] == ' ' || text[i] >= '\u3400' && (i - start) >= 1;
            if (boundary)
            {
                yield return text[start..(i + 1)];
                start = i + 1;
            }
        }
        if (start < text.Length)
        {
            yield return text[start..];
        }
    }

    public void Dispose()
    {
    }
}
