using Appliance.Avatar.Visemes;

namespace Appliance.Avatar.Timeline;

/// <summary>
/// espeak-ng's mark for a bilabial stop starts at its closure, and the next phoneme's mark after the
/// release: the lips part at the burst, and for an aspirated /p/ the aspiration that follows is already
/// audible. Opening the mouth at the next mark ("Please" → at the "l") showed it ~36 ms after the first
/// sound. So the opening after "p" moves back by a typical voice-onset time (English word-initial /p/
/// 40–60 ms, pinyin p longer), after "b" by a short release; never by more than half the stop, so the
/// closure stays visible. "m" is left alone: its sound is made with closed lips.
/// </summary>
public static class BilabialRelease
{
    public const double AspiratedMs = 40;
    public const double UnaspiratedMs = 10;

    /// <summary>When the mouth should open for a shape marked at <paramref name="openingMs"/> that follows <paramref name="previousPhoneme"/> marked at <paramref name="previousMs"/>.</summary>
    public static double OpeningTime(string previousPhoneme, double previousMs, double openingMs)
    {
        var lead = VisemeMapper.Symbol(previousPhoneme) switch
        {
            "p" => AspiratedMs,
            "b" => UnaspiratedMs,
            _ => 0,
        };
        if (lead == 0 || openingMs <= previousMs)
        {
            return openingMs;
        }
        return Math.Max(previousMs + (openingMs - previousMs) / 2, openingMs - lead);
    }
}
