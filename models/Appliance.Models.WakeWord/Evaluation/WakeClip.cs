namespace Appliance.Models.WakeWord.Evaluation;

/// <summary>
/// A test clip: mono 16 kHz audio and, for a positive, where the phrase lies. A detection counts for
/// the phrase when it falls between the phrase start and <see cref="AcceptUntil"/> (the detector fires
/// once the whole phrase is inside its window, up to ~1 s after the phrase ends).
/// </summary>
public sealed record WakeClip(string Name, string Context, float[] Samples, long PhraseStart, long PhraseEnd)
{
    public bool IsPositive => PhraseEnd > PhraseStart;

    public long AcceptUntil => PhraseEnd + 16000 * 3 / 2;

    public static WakeClip Negative(string name, float[] samples) => new(name, "negative", samples, 0, 0);
}
