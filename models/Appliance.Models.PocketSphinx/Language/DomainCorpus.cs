using System.Text.RegularExpressions;
using Appliance.Models.PocketSphinx.Scoring;

namespace Appliance.Models.PocketSphinx.Language;

/// <summary>
/// Sentences for a domain language model, read from a knowledge-base folder: every *.txt, *.md, *.yaml, *.yml
/// and *.json file below it, split into sentences at line breaks and . ? ! ; — YAML/JSON keys and Markdown
/// markup are dropped. Questions count <see cref="QuestionWeight"/> times: visitors ask questions, so the FAQ's
/// questions are the best model of what the microphone will hear.
/// </summary>
public static partial class DomainCorpus
{
    public const int QuestionWeight = 3;

    private static readonly string[] Extensions = [".txt", ".md", ".yaml", ".yml", ".json"];

    /// <summary>(normalised words, is a question) for every sentence of every knowledge file.</summary>
    public static IReadOnlyList<(IReadOnlyList<string> Words, bool Question)> Read(string knowledgeDir)
    {
        if (!Directory.Exists(knowledgeDir))
        {
            throw new DirectoryNotFoundException($"knowledge-base folder '{knowledgeDir}' does not exist");
        }
        var files = Directory.EnumerateFiles(knowledgeDir, "*", SearchOption.AllDirectories)
            .Where(f => Extensions.Contains(Path.GetExtension(f).ToLowerInvariant()))
            .Order(StringComparer.Ordinal)
            .ToList();
        if (files.Count == 0)
        {
            throw new FileNotFoundException($"knowledge-base folder '{knowledgeDir}' holds no {string.Join('/', Extensions)} file");
        }
        return files.SelectMany(f => Sentences(File.ReadAllText(f))).ToList();
    }

    /// <summary>Splits one document into normalised sentences.</summary>
    public static IEnumerable<(IReadOnlyList<string> Words, bool Question)> Sentences(string text)
    {
        foreach (var rawLine in text.Split('\n'))
        {
            var line = KeyPrefix().Replace(rawLine, string.Empty);
            foreach (Match m in SentencePattern().Matches(line))
            {
                var words = TextNormalizer.Words(m.Value);
                if (words.Count > 0)
                {
                    yield return (words, m.Value.TrimEnd().EndsWith('?'));
                }
            }
        }
    }

    // "  - question: ...", "answer: ...", "\"q\": ...", "## ", "* " at the start of a line.
    [GeneratedRegex("""^\s*(?:[-*#>]+\s*)*(?:"?[A-Za-z_][\w-]*"?\s*:\s+)?""")]
    private static partial Regex KeyPrefix();

    [GeneratedRegex(@"[^.?!;]+[.?!;]?")]
    private static partial Regex SentencePattern();
}
