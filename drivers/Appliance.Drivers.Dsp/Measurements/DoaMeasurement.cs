using Appliance.Drivers.Dsp.Synthesis;

namespace Appliance.Drivers.Dsp.Measurements;

/// <summary>DOA errors (degrees) over every voiced analysis window of every test angle.</summary>
public sealed record DoaReport(string Geometry, double SnrDb, int Windows, double MedianErrorDeg, double MeanErrorDeg, double P90ErrorDeg, double EstimateMicros);

/// <summary>
/// Plane waves of real speech from known angles on a geometry, white noise per mic at a given SNR;
/// the estimator runs on each voiced 1024-frame window and its error against the true angle is kept.
/// </summary>
public static class DoaMeasurement
{
    public static DoaReport Run(ArrayGeometry geometry, float[] speech, double snrDb, IReadOnlyList<double> angles, int sampleRate = 16000, int seed = 11)
    {
        var estimator = new DoaEstimator(geometry, sampleRate);
        var w = estimator.WindowSize;
        var m = geometry.Microphones;
        var meanPower = ErleMeasurement.Power(speech);
        var errors = new List<double>();
        var costs = new List<double>();
        for (var a = 0; a < angles.Count; a++)
        {
            var signal = TestSignals.PlaneWave(speech, geometry, angles[a], sampleRate, snrDb, seed + a);
            estimator.Reset();
            for (var start = 0; start + w <= speech.Length; start += w)
            {
                // Only windows with speech in them: silence has no direction.
                if (ErleMeasurement.Power(speech.AsSpan(start, w)) < 0.5 * meanPower)
                {
                    continue;
                }
                var t0 = System.Diagnostics.Stopwatch.GetTimestamp();
                var estimate = estimator.Estimate(signal.AsSpan(start * m, w * m), m);
                costs.Add(System.Diagnostics.Stopwatch.GetElapsedTime(t0).TotalMicroseconds);
                errors.Add(DoaEstimator.AngularError(estimate.AngleDegrees, angles[a]));
            }
        }
        errors.Sort();
        costs.Sort();
        return new DoaReport(
            geometry.ToString(), snrDb, errors.Count,
            errors.Count == 0 ? double.NaN : errors[errors.Count / 2],
            errors.Count == 0 ? double.NaN : errors.Average(),
            errors.Count == 0 ? double.NaN : errors[(int)(errors.Count * 0.9)],
            costs.Count == 0 ? 0 : costs[costs.Count / 2]);
    }
}
