using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Appliance.Dialog.Knowledge;

/// <summary>
/// YAML intents: a list of { id, lang, curated, questions: [..], answer }. This is where curated
/// intents usually live (greetings, opening hours), answered verbatim even with an LLM.
/// </summary>
internal static class YamlKnowledge
{
    private sealed class Item
    {
        public string? Id { get; set; }

        public string? Lang { get; set; }

        public bool Curated { get; set; }

        public List<string>? Questions { get; set; }

        public string? Answer { get; set; }
    }

    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .Build();

    public static IReadOnlyList<KnowledgeEntry> Parse(string text, string language, string source)
    {
        List<Item>? items;
        try
        {
            items = Deserializer.Deserialize<List<Item>>(text);
        }
        catch (YamlException e)
        {
            throw new InvalidKnowledgeException($"{source}:{e.Start.Line}: invalid YAML ({e.InnerException?.Message ?? e.Message}); expected a list of {{id, lang, curated, questions, answer}}");
        }
        var entries = new List<KnowledgeEntry>();
        var index = 0;
        foreach (var item in items ?? [])
        {
            index++;
            if (item.Questions is not { Count: > 0 } || string.IsNullOrWhiteSpace(item.Answer))
            {
                throw new InvalidKnowledgeException($"{source}: entry {index} ({item.Id ?? "no id"}) needs 'questions' and 'answer'");
            }
            entries.Add(new KnowledgeEntry(item.Id ?? $"{source}#{index}", item.Lang ?? language, item.Questions, item.Answer.Trim(), item.Curated, $"{source}#{index}"));
        }
        return entries;
    }
}
