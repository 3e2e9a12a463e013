using System.Text;

namespace Appliance.Dialog.Knowledge;

/// <summary>
/// CSV FAQs with a header row naming the columns: question and answer are required; id, lang and
/// curated are optional. Several phrasings of a question are separated by '|'. RFC 4180 quoting.
/// </summary>
internal static class CsvKnowledge
{
    public static IReadOnlyList<KnowledgeEntry> Parse(string text, string language, string source)
    {
        var rows = ReadRows(text, source);
        if (rows.Count == 0)
        {
            return [];
        }
        var header = rows[0].Select(h => h.Trim().ToLowerInvariant()).ToList();
        int Col(string name) => header.IndexOf(name);
        int q = Col("question"), a = Col("answer"), id = Col("id"), lang = Col("lang"), curated = Col("curated");
        if (q < 0 || a < 0)
        {
            throw new InvalidKnowledgeException($"{source}:1: the header must name 'question' and 'answer' columns (found: {string.Join(",", header)})");
        }
        var entries = new List<KnowledgeEntry>();
        for (var r = 1; r < rows.Count; r++)
        {
            var row = rows[r];
            if (row.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }
            string Get(int c) => c >= 0 && c < row.Count ? row[c].Trim() : "";
            if (Get(q).Length == 0 || Get(a).Length == 0)
            {
                throw new InvalidKnowledgeException($"{source}:{r + 1}: empty question or answer");
            }
            entries.Add(new KnowledgeEntry(
                Get(id).Length > 0 ? Get(id) : $"{source}:{r + 1}",
                Get(lang).Length > 0 ? Get(lang) : language,
                Get(q).Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries),
                Get(a),
                Get(curated).Equals("true", StringComparison.OrdinalIgnoreCase) || Get(curated) == "1",
                $"{source}:{r + 1}"));
        }
        return entries;
    }

    private static List<List<string>> ReadRows(string text, string source)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
                continue;
            }
            switch (c)
            {
                case '"' when field.Length == 0:
                    quoted = true;
                    break;
                case ',':
                    row.Add(field.ToString());
                    field.Clear();
                    break;
                case '\n':
                    row.Add(field.ToString());
                    field.Clear();
                    rows.Add(row);
                    row = [];
                    break;
                case '\r':
                    break;
                default:
                    field.Append(c);
                    break;
            }
        }
        if (quoted)
        {
            throw new InvalidKnowledgeException($"{source}: unterminated quoted field");
        }
        if (field.Length > 0 || row.Count > 0)
        {
            row.Add(field.ToString());
            rows.Add(row);
        }
        return rows;
    }
}
