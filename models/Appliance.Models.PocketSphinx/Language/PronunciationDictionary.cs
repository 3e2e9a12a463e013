namespace Appliance.Models.PocketSphinx.Language;

/// <summary>
/// The words a CMUdict-format dictionary can pronounce ("word  PH ON ES", alternates as "word(2)"). A
/// language model may only use these words: pocketsphinx drops any other LM word with a warning.
/// </summary>
public sealed class PronunciationDictionary
{
    private readonly HashSet<string> words;

    private PronunciationDictionary(HashSet<string> words) => this.words = words;

    public int Count => words.Count;

    public static PronunciationDictionary Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"pronunciation dictionary '{path}' does not exist", path);
        }
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(path))
        {
            var end = line.IndexOfAny([' ', '\t']);
            if (end <= 0)
            {
                continue;
            }
            var word = line[..end];
            var alt = word.IndexOf('(');
            set.Add(alt > 0 ? word[..alt] : word);
        }
        return new PronunciationDictionary(set);
    }

    /// <summary>Adds words (e.g. from a knowledge base's own pronunciations file).</summary>
    public void AddRange(IEnumerable<string> extra) => words.UnionWith(extra);

    public bool Contains(string word) => words.Contains(word);
}
