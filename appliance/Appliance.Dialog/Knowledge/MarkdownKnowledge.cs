using System.Text;
using System.Text.RegularExpressions;

namespace Appliance.Dialog.Knowledge;

/// <summary>
/// Markdown facts: every "## question | other phrasing {#id .curated}" heading starts an entry whose
/// answer is the text up to the next heading. The id and the .curated class are optional.
/// </summary>
internal static partial class MarkdownKnowledge
{
    public static IReadOnlyList<KnowledgeEntry> Parse(string text, string language, string source)
    {
        var entries = new List<KnowledgeEntry>();
        string? heading = null;
        var headingLine = 0;
        var body = new StringBuilder();
        var lines = text.Split('\n');
        for (var i = 0; i <= lines.Length; i++)
        {
            var line = i < lines.Length ? lines[i].TrimEnd('\r') : null;
            if (line is null || line.StartsWith('#'))
            {
                if (heading is not null)
                {
                    entries.Add(Make(heading, body.ToString(), language, $"{source}:{headingLine}"));
                }
                heading = line is not null && line.StartsWith("## ", StringComparison.Ordinal) ? line[3..].Trim() : null;
                headingLine = i + 1;
                body.Clear();
                continue;
            }
            if (heading is not null && line.Trim().Length > 0)
            {
                body.Append(body.Length > 0 ? " " : "").Append(line.Trim());
            }
        }
        return entries;
    }

    private static KnowledgeEntry Make(string heading, string answer, string language, string source)
    {
        var id = source;
        var curated = false;
        var attrs = Attributes().Match(heading);
        if (attrs.Success)
        {
            heading = heading[..attrs.Index].Trim();
            foreach (var part in attrs.Groups[1].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                if (part.StartsWith('#'))
                {
                    id = part[1..];
                }
                curated |= part == ".curated";
            }
        }
        if (answer.Trim().Length == 0)
        {
            throw new InvalidKnowledgeException($"{source}: the heading '{heading}' has no answer text below it");
        }
        var questions = heading.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return new KnowledgeEntry(id, language, questions, answer.Trim(), curated, source);
    }

    [GeneratedRegex(@"\{([^}]*)\}\s*$")]
    private static partial Regex Attributes();
}
