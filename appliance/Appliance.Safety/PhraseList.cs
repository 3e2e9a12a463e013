namespace Appliance.Safety;

/// <param name="Text">The phrase as written in the list file.</param>
/// <param name="Category">What kind of phrase it is ("violence", "injection" …), for the log.</param>
/// <param name="Prefix">Written with a trailing '*': also matches longer words ("bomb*" → "bombs").</param>
public sealed record Phrase(string Text, string Category, bool Prefix);

/// <summary>A phrase file that cannot be used, naming the file and line.</summary>
public sealed class InvalidPhraseListException(string message) : Exception(message);

/// <summary>
/// A list of phrases from a UTF-8 text file an operator can replace: one phrase per line, optionally
/// followed by a tab and a category; '#' starts a comment; a trailing '*' makes a prefix.
/// </summary>
public static class PhraseList
{
    public static IReadOnlyList<Phrase> Load(string path, string defaultCategory)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidPhraseListException($"{path}: cannot read the phrase list ({e.Message})");
        }
        return Parse(lines, defaultCategory, path);
    }

    public static IReadOnlyList<Phrase> Parse(IEnumerable<string> lines, string defaultCategory, string name = "list")
    {
        var result = new List<Phrase>();
        var number = 0;
        foreach (var raw in lines)
        {
            number++;
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }
            var parts = line.Split('\t', 2);
            var text = parts[0].Trim();
            var category = parts.Length > 1 && parts[1].Trim().Length > 0 ? parts[1].Trim() : defaultCategory;
            var prefix = text.EndsWith('*');
            text = TextNormalizer.Normalize(prefix ? text[..^1] : text);
            if (text.Length == 0)
            {
                throw new InvalidPhraseListException($"{name}:{number}: the phrase is empty after normalisation");
            }
            result.Add(new Phrase(text, category, prefix));
        }
        return result;
    }
}
