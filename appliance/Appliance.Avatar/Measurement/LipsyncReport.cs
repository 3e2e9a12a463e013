namespace Appliance.Avatar.Measurement;

/// <summary>
/// One spoken phrase: when its first audible sample played and when the page first opened the mouth for it
/// (server ms). Why it was off: <paramref name="CueMs"/> the opening cue's scheduled time,
/// <paramref name="CueLeadMs"/> how long before that time the cue reached the page (negative = arrived late),
/// <paramref name="FrameGapMs"/> the interval between the drawing frame and the one before (a stalled renderer),
/// <paramref name="ScriptLagMs"/> how long after its frame time the frame's script ran.
/// </summary>
public sealed record LipsyncPhrase(int Index, string Text, double AudioOnsetMs, double MouthOnsetMs, double OffsetMs, int VisemesDrawn,
    double CueMs = double.NaN, double CueLeadMs = double.NaN, double FrameGapMs = double.NaN, double ScriptLagMs = double.NaN);

/// <summary>
/// lipsync_offset_ms as MEASURE.md defines it (per phrase: mouth-open onset in the page − audio onset),
/// plus the per-viseme render offset (frame that drew each mouth-opening cue − the cue's audio time) and
/// the page's clock-sync state at the end.
/// </summary>
public sealed record LipsyncReport(
    int Phrases,
    double RunSeconds,
    double MeanOffsetMs,
    double MedianOffsetMs,
    double MaxAbsOffsetMs,
    double DriftMsPerMinute,
    double FirstThirdMedianMs,
    double LastThirdMedianMs,
    int VisemeOnsets,
    double VisemeMeanOffsetMs,
    double VisemeMaxAbsOffsetMs,
    double VisemeP95AbsOffsetMs,
    double PageSyncDriftPpm,
    int PageSyncSamples,
    IReadOnlyList<LipsyncPhrase> PhraseDetails)
{
    /// <summary>95th percentile of |per-phrase offset| (nearest rank).</summary>
    public double P95AbsOffsetMs => LipsyncBench.Percentile(PhraseDetails.Select(p => Math.Abs(p.OffsetMs)), 0.95);

    /// <summary>Phrases whose offset is within ±40 ms (the goal; BT.1359 detectability is +45/−125 ms).</summary>
    public int Within40 => PhraseDetails.Count(p => Math.Abs(p.OffsetMs) <= 40);
}
