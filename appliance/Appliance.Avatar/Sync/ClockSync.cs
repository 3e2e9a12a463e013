namespace Appliance.Avatar.Sync;

/// <summary>
/// Offset and drift between a client clock and the server clock from NTP-style samples. Keeps the last
/// <see cref="Capacity"/> samples, trusts only the fastest half (queueing delay only ever adds error in
/// one direction), and fits offset = a + drift·(t − t̄) by least squares over them; with fewer than
/// four samples or too short a span it uses the fastest sample's offset and no drift.
/// kiosk.js implements exactly this (its tests are here); keep both in step.
/// </summary>
public sealed class ClockSync
{
    public const int Capacity = 32;
    private const double MinimumSpanMs = 2000;
    private readonly List<ClockSample> _samples = [];
    private double _anchor;
    private double _offset;
    private double _drift;

    public int Count => _samples.Count;

    /// <summary>server − client at client time t̄ (ms).</summary>
    public double Offset => _offset;

    /// <summary>Server ms gained per client ms (parts per unit; 1e-6 = 1 ppm).</summary>
    public double Drift => _drift;

    public void Add(ClockSample sample)
    {
        if (sample.Delay < 0 || double.IsNaN(sample.Offset))
        {
            return; // impossible exchange (clock went backwards): ignore rather than poison the fit
        }
        _samples.Add(sample);
        if (_samples.Count > Capacity)
        {
            _samples.RemoveAt(0);
        }
        Fit();
    }

    public double ToServer(double clientMs) => clientMs + _offset + _drift * (clientMs - _anchor);

    public double ToClient(double serverMs)
    {
        // Invert ToServer: s = c + o + d(c − a)  →  c = (s − o + d·a) / (1 + d)
        return (serverMs - _offset + _drift * _anchor) / (1 + _drift);
    }

    private void Fit()
    {
        var best = _samples.OrderBy(s => s.Delay).Take(Math.Max(1, (_samples.Count + 1) / 2)).ToList();
        var span = best.Max(s => s.ClientMid) - best.Min(s => s.ClientMid);
        if (best.Count < 4 || span < MinimumSpanMs)
        {
            _anchor = best[0].ClientMid;
            _offset = best[0].Offset;
            _drift = 0;
            return;
        }
        var meanT = best.Average(s => s.ClientMid);
        var meanO = best.Average(s => s.Offset);
        double num = 0, den = 0;
        foreach (var s in best)
        {
            num += (s.ClientMid - meanT) * (s.Offset - meanO);
            den += (s.ClientMid - meanT) * (s.ClientMid - meanT);
        }
        _anchor = meanT;
        _offset = meanO;
        _drift = den > 0 ? num / den : 0;
    }
}
