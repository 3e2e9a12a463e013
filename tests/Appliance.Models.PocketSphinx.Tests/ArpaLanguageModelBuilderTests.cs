using System.Globalization;
using Appliance.Models.PocketSphinx.Language;

namespace Appliance.Models.PocketSphinx.Tests;

public class ArpaLanguageModelBuilderTests
{
    private static readonly string[][] Corpus =
    [
        ["where", "is", "the", "cafe"],
        ["where", "is", "the", "planetarium"],
        ["where", "are", "the", "toilets"],
        ["is", "the", "cafe", "open"],
        ["the", "cafe", "is", "on", "the", "ground", "floor"],
        ["the", "planetarium", "is", "on", "the", "second", "floor"],
    ];

    [Fact]
    public void EveryContextIsAProbabilityDistribution()
    {
        var builder = new ArpaLanguageModelBuilder();
        foreach (var s in Corpus)
        {
            builder.AddSentence(s, s[0] == "where" ? 3 : 1);
        }
        builder.AddVocabulary(["hello", "ticket"]);
        var lm = Arpa.Parse(builder.Build());
        var predicted = lm.Vocabulary.Where(w => w != "<s>").ToList();
        Assert.Contains("hello", predicted);
        // Seen, partly seen and unseen histories: back-off arithmetic must give distributions that sum to one.
        foreach (var history in new[] { new[] { "<s>" }, ["<s>", "where"], ["where", "is"], ["is", "the"], ["the"], ["floor"], ["hello"], ["cafe", "hello"], ["ticket", "the"] })
        {
            var sum = predicted.Sum(w => lm.Probability(history, w));
            Assert.Equal(1.0, sum, 4);
        }
    }

    [Fact]
    public void SeenContinuationsBeatUnseenOnes()
    {
        var builder = new ArpaLanguageModelBuilder();
        foreach (var s in Corpus)
        {
            builder.AddSentence(s);
        }
        var lm = Arpa.Parse(builder.Build());
        Assert.True(lm.Probability(["is", "the"], "cafe") > lm.Probability(["is", "the"], "toilets"));
        Assert.True(lm.Probability(["is", "the"], "toilets") > 0);
        Assert.True(lm.Probability(["<s>"], "where") > lm.Probability(["<s>"], "floor"));
    }

    [Fact]
    public void EmptyCorpusIsAClearError() =>
        Assert.Throws<InvalidOperationException>(() => new ArpaLanguageModelBuilder().Build());

    [Fact]
    public void DomainModelFromTheSampleKnowledgeBaseKeepsOnlyPronounceableWords()
    {
        var dir = Directory.CreateTempSubdirectory("kb");
        try
        {
            File.WriteAllText(Path.Combine(dir.FullName, "faq.yaml"), "- question: Where is the Zorbulator exhibit?\n  answer: The Zorbulator is on the 2nd floor.\n");
            var arpa = Path.Combine(dir.FullName, "lm.arpa");
            var result = DomainLanguageModel.Build(dir.FullName, arpa);
            Assert.Equal(["zorbulator"], result.OutOfVocabulary);
            var lm = Arpa.Parse(File.ReadAllText(arpa));
            Assert.DoesNotContain("zorbulator", lm.Vocabulary);
            Assert.DoesNotContain("question", lm.Vocabulary);
            Assert.Contains("second", lm.Vocabulary);

            // With a pronunciation supplied by the technician the word joins the model.
            File.WriteAllText(Path.Combine(dir.FullName, DomainLanguageModel.PronunciationsFile), "zorbulator Z AO R B Y AH L EY T ER\n");
            var again = DomainLanguageModel.Build(dir.FullName, arpa);
            Assert.Empty(again.OutOfVocabulary);
            Assert.Contains("zorbulator", Arpa.Parse(File.ReadAllText(arpa)).Vocabulary);
            Assert.Single(again.Options.ExtraPronunciations);
        }
        finally
        {
            dir.Delete(true);
        }
    }

    [Fact]
    public void MissingKnowledgeBaseIsAClearError()
    {
        var e = Assert.Throws<DirectoryNotFoundException>(() => DomainLanguageModel.Build("/nonexistent/kb", "/tmp/x.arpa"));
        Assert.Contains("/nonexistent/kb", e.Message, StringComparison.Ordinal);
    }

    /// <summary>A minimal ARPA reader with standard back-off, independent of the builder's code.</summary>
    private sealed class Arpa
    {
        private readonly Dictionary<string, (double LogP, double LogBow)> grams = [];

        public List<string> Vocabulary { get; } = [];

        public static Arpa Parse(string text)
        {
            var lm = new Arpa();
            var order = 0;
            foreach (var line in text.Split('\n'))
            {
                if (line.StartsWith('\\') && line.EndsWith("-grams:", StringComparison.Ordinal))
                {
                    order = line[1] - '0';
                    continue;
                }
                var parts = line.Split('\t');
                if (order == 0 || parts.Length < 2)
                {
                    continue;
                }
                var bow = parts.Length > 2 ? double.Parse(parts[2], CultureInfo.InvariantCulture) : 0;
                lm.grams[parts[1]] = (double.Parse(parts[0], CultureInfo.InvariantCulture), bow);
                if (order == 1)
                {
                    lm.Vocabulary.Add(parts[1]);
                }
            }
            return lm;
        }

        public double Probability(string[] history, string word)
        {
            var key = string.Join(' ', history.Append(word));
            if (grams.TryGetValue(key, out var g))
            {
                return Math.Pow(10, g.LogP);
            }
            var bow = grams.TryGetValue(string.Join(' ', history), out var h) ? Math.Pow(10, h.LogBow) : 1;
            return bow * Probability(history[1..], word);
        }
    }
}
