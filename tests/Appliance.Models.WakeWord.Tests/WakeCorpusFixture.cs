using Appliance.Core.Audio;
using Appliance.Models.WakeWord.Evaluation;
using Appliance.TestSupport;

namespace Appliance.Models.WakeWord.Tests;

/// <summary>
/// The data the wake-word tests share: "hey jarvis" synthesised by espeak-ng (small grid: 4 voices ×
/// 2 speeds) in three contexts, and the real English recordings of ../shared as negatives.
/// </summary>
public sealed class WakeCorpusFixture
{
    public WakeCorpusFixture()
    {
        Negatives = SharedData.Transcripts("en").Select(t => WakeClip.Negative(Path.GetFileName(t.Path), WavFile.Read(t.Path).Channel(0))).ToList();
        var cache = Path.Combine(Path.GetTempPath(), "appliance-wake-tests");
        Phrases = SyntheticPhrases.Synthesize("hey jarvis", SyntheticPhrases.Grid(full: false), cache);
        var speech = Negatives.Select(n => n.Samples).ToList();
        Positives = Phrases.SelectMany((p, i) => WakeClips.Contexts(p, speech, i)).ToList();
    }

    public IReadOnlyList<SyntheticPhrases.Utterance> Phrases { get; }

    public IReadOnlyList<WakeClip> Positives { get; }

    public IReadOnlyList<WakeClip> Negatives { get; }
}

[CollectionDefinition("wake")]
public sealed class WakeCollection : ICollectionFixture<WakeCorpusFixture>;
