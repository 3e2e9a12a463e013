namespace Appliance.Models.WakeWord.Evaluation;

/// <summary>
/// Runs clips through a detector once, keeps every score, and replays the detector's decision rule
/// (threshold + refractory period) for any threshold, so a sweep costs one pass.
/// </summary>
public sealed class WakeEvaluation
{
    private readonly List<(WakeClip Clip, List<WakeWordScore> Scores)> runs = [];

    public WakeEvaluation(string keyword, TimeSpan refractory)
    {
        Keyword = keyword;
        Refractory = refractory;
    }

    public string Keyword { get; }

    public TimeSpan Refractory { get; }

    public int Chunks => runs.Sum(r => r.Scores.Count);

    public void Add(OpenWakeWordDetector detector, WakeClip clip)
    {
        detector.Reset();
        var scores = new List<WakeWordScore>();
        detector.Accept(clip.Samples, [], scores);
        runs.Add((clip, scores.Where(s => s.Keyword == Keyword).ToList()));
    }

    /// <summary>Highest score inside each positive's accept window (the phrase and 1.5 s after it).</summary>
    public IEnumerable<(WakeClip Clip, float Score)> PositivePeaks() =>
        runs.Where(r => r.Clip.IsPositive)
            .Select(r => (r.Clip, r.Scores.Where(s => s.SampleIndex > r.Clip.PhraseStart && s.SampleIndex <= r.Clip.AcceptUntil).Select(s => s.Score).DefaultIfEmpty(0).Max()));

    /// <summary>Highest score anywhere in the negative clips: how far below the threshold real non-wake speech stays.</summary>
    public float NegativePeak() =>
        runs.Where(r => !r.Clip.IsPositive).SelectMany(r => r.Scores).Select(s => s.Score).DefaultIfEmpty(0).Max();

    public WakeMetrics At(float threshold)
    {
        var positives = 0;
        var detected = 0;
        var misplaced = 0;
        var falseAccepts = 0;
        double negativeSeconds = 0;
        var missed = new List<string>();
        var falseAcceptClips = new List<string>();
        foreach (var (clip, scores) in runs)
        {
            var hits = Detections(scores, threshold);
            if (clip.IsPositive)
            {
                positives++;
                var inside = hits.Count(h => h > clip.PhraseStart && h <= clip.AcceptUntil);
                misplaced += hits.Count - inside;
                if (inside > 0)
                {
                    detected++;
                }
                else
                {
                    missed.Add(clip.Name);
                }
            }
            else
            {
                negativeSeconds += clip.Samples.Length / 16000.0;
                falseAccepts += hits.Count;
                if (hits.Count > 0)
                {
                    falseAcceptClips.Add(clip.Name);
                }
            }
        }
        return new WakeMetrics(threshold, positives, detected, misplaced, falseAccepts, negativeSeconds, missed, falseAcceptClips);
    }

    private List<long> Detections(List<WakeWordScore> scores, float threshold)
    {
        var refractory = (long)(Refractory.TotalSeconds * 16000);
        long? last = null;
        var hits = new List<long>();
        foreach (var s in scores)
        {
            if (s.Score >= threshold && (last is not long l || s.SampleIndex - l >= refractory))
            {
                last = s.SampleIndex;
                hits.Add(s.SampleIndex);
            }
        }
        return hits;
    }
}

/// <param name="Misplaced">Detections in positive clips outside the phrase's accept window (also false accepts, on other speech or noise).</param>
public sealed record WakeMetrics(float Threshold, int Positives, int Detected, int Misplaced, int FalseAccepts, double NegativeSeconds, IReadOnlyList<string> Missed, IReadOnlyList<string> FalseAcceptClips)
{
    public double DetectionRate => Positives == 0 ? 0 : (double)Detected / Positives;

    public double FalseAcceptsPerHour => NegativeSeconds == 0 ? 0 : FalseAccepts / (NegativeSeconds / 3600);
}
