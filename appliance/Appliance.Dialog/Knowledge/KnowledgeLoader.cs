namespace Appliance.Dialog.Knowledge;

/// <summary>
/// Reads a folder of product facts and FAQs: Markdown (*.md), YAML (*.yaml, *.yml) and CSV (*.csv).
/// A file's language comes from its name (faq.zh.md) unless an entry says otherwise.
/// </summary>
public static class KnowledgeLoader
{
    /// <summary>The sample booth knowledge shipped beside the assembly (the embedded default).</summary>
    public static string DefaultDirectory => Path.Combine(AppContext.BaseDirectory, "knowledge");

    public static IReadOnlyList<KnowledgeEntry> LoadDirectory(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new InvalidKnowledgeException($"{directory}: the knowledge folder does not exist");
        }
        var entries = new List<KnowledgeEntry>();
        foreach (var file in Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            entries.AddRange(LoadFile(file));
        }
        return entries;
    }

    public static IReadOnlyList<KnowledgeEntry> LoadFile(string path)
    {
        var language = LanguageFromName(path);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidKnowledgeException($"{path}: cannot read ({e.Message})");
        }
        return Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".md" => MarkdownKnowledge.Parse(text, language, path),
            ".yaml" or ".yml" => YamlKnowledge.Parse(text, language, path),
            ".csv" => CsvKnowledge.Parse(text, language, path),
            _ => [],
        };
    }

    private static string LanguageFromName(string path)
    {
        var stem = Path.GetFileNameWithoutExtension(path);
        var dot = stem.LastIndexOf('.');
        return dot >= 0 ? stem[(dot + 1)..].ToLowerInvariant() : "en";
    }
}
