namespace Appliance.Avatar.Measurement;

/// <summary>One spoken phrase: when its first audible sample played and when the page first opened the mouth for it (server ms).</summary>
public sealed record LipsyncPhrase(int Index, string Text, double AudioOnsetMs, double MouthOnsetMs, double OffsetMs, int VisemesDrawn);

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
    IReadOnlyList<LipsyncPhrase> PhraseDetails);
