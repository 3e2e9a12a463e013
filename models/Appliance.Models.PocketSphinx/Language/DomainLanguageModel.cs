namespace Appliance.Models.PocketSphinx.Language;

/// <summary>
/// Builds the decoder options for a kiosk's own domain: a Kneser-Ney trigram over its knowledge base, limited
/// to words the dictionary can pronounce. A sentence is cut at a word the dictionary lacks (rather than
/// dropping the word, which would invent n-grams nobody says); those words are reported so a technician can
/// add them to <c>pronunciations.dict</c> (CMUdict lines) in the knowledge-base folder, which is then both
/// loaded into the decoder and admitted to the model.
/// </summary>
public static class DomainLanguageModel
{
    public const string PronunciationsFile = "pronunciations.dict";

    /// <summary>
    /// Short words visitors use around any topic; admitted to the vocabulary with unigram mass only, so a
    /// question phrased differently from the FAQ still has words to land on.
    /// </summary>
    public static readonly IReadOnlyList<string> CommonWords =
    [
        "a", "an", "the", "is", "are", "was", "be", "do", "does", "did", "can", "could", "would", "will", "should",
        "i", "you", "we", "they", "it", "my", "your", "me", "us", "what", "where", "when", "how", "why", "who", "which",
        "there", "here", "this", "that", "to", "of", "in", "on", "at", "for", "with", "from", "and", "or", "not", "no",
        "yes", "please", "thank", "thanks", "hello", "hi", "tell", "about", "any", "have", "has", "get", "go", "see",
        "want", "like", "need", "much", "many", "time", "today", "open", "close",
    ];

    /// <summary>Writes the ARPA model to <paramref name="arpaPath"/> and returns options that use it.</summary>
    public static DomainModelResult Build(string knowledgeDir, string arpaPath, PocketSphinxOptions? baseOptions = null)
    {
        baseOptions ??= new PocketSphinxOptions();
        var dictionary = PronunciationDictionary.Load(baseOptions.Dictionary);
        var extra = ReadPronunciations(Path.Combine(knowledgeDir, PronunciationsFile));
        dictionary.AddRange(extra.Select(e => e.Word));

        var builder = new ArpaLanguageModelBuilder();
        var oov = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (words, question) in DomainCorpus.Read(knowledgeDir))
        {
            var run = new List<string>();
            foreach (var w in words.Append(null))
            {
                if (w is not null && dictionary.Contains(w))
                {
                    run.Add(w);
                    continue;
                }
                if (w is not null)
                {
                    oov.Add(w);
                }
                builder.AddSentence(run, question ? DomainCorpus.QuestionWeight : 1);
                run = [];
            }
        }
        builder.AddVocabulary(CommonWords.Where(dictionary.Contains));
        File.WriteAllText(arpaPath, builder.Build());
        var options = baseOptions with { LanguageModel = arpaPath, ExtraPronunciations = extra, Label = "domain" };
        return new DomainModelResult(options, builder.Vocabulary.Count, builder.Sentences, oov.ToList());
    }

    /// <summary>CMUdict lines ("word  PH ON ES"); a missing file is no pronunciations.</summary>
    public static IReadOnlyList<(string Word, string Phones)> ReadPronunciations(string path)
    {
        if (!File.Exists(path))
        {
            return [];
        }
        var result = new List<(string, string)>();
        foreach (var (line, number) in File.ReadLines(path).Select((l, i) => (l.Trim(), i + 1)))
        {
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }
            var parts = line.Split([' ', '\t'], 2, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length != 2)
            {
                throw new FormatException($"{path}:{number}: expected 'word  PH ON ES', got '{line}'");
            }
            result.Add((parts[0].ToLowerInvariant(), parts[1].Trim()));
        }
        return result;
    }
}

/// <param name="Options">Decoder options using the domain model.</param>
/// <param name="Vocabulary">Words in the model (with &lt;/s&gt;).</param>
/// <param name="Sentences">Weighted sentences the model was estimated from.</param>
/// <param name="OutOfVocabulary">Knowledge-base words the dictionary cannot pronounce (left out of the model).</param>
public sealed record DomainModelResult(PocketSphinxOptions Options, int Vocabulary, int Sentences, IReadOnlyList<string> OutOfVocabulary);
