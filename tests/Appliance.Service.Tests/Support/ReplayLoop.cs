using System.Diagnostics;
using Appliance.Service.Metrics;

namespace Appliance.Service.Tests.Support;

/// <summary>
/// A stand-in for the pipeline's audio loop, replaying a real recording in real time: every 20 ms
/// frame is due at its wall-clock deadline, gets a front-end-sized amount of work (energy + a small
/// DFT), and the loop records how late each frame finished. Voiced stretches become turns in the
/// fake pipeline and the metrics, so the API under load serves live data.
/// </summary>
public sealed class ReplayLoop(float[] samples, FakePipeline pipeline, ApplianceMetrics metrics)
{
    public const int FrameSamples = 320;

    public List<double> FrameLatencyMs { get; } = [];

    public int Frames => samples.Length / FrameSamples;

    /// <summary>Runs on its own thread (like the audio callback) for at most maxFrames frames.</summary>
    public Task RunAsync(int maxFrames) => Task.Factory.StartNew(() => Run(maxFrames), TaskCreationOptions.LongRunning);

    private void Run(int maxFrames)
    {
        var frames = Math.Min(maxFrames, Frames);
        var start = Stopwatch.GetTimestamp();
        var voiced = 0;
        var spectrum = new double[32];
        for (var f = 0; f < frames; f++)
        {
            var due = start + (long)(f * 0.020 * Stopwatch.Frequency);
            while (Stopwatch.GetTimestamp() < due - Stopwatch.Frequency / 500)
            {
                Thread.Sleep(1);
            }
            while (Stopwatch.GetTimestamp() < due)
            {
                Thread.SpinWait(20);
            }
            var frame = samples.AsSpan(f * FrameSamples, FrameSamples);
            double energy = 0;
            foreach (var s in frame)
            {
                energy += s * s;
            }
            for (var k = 0; k < spectrum.Length; k++)
            {
                double re = 0, im = 0;
                for (var n = 0; n < FrameSamples; n++)
                {
                    var phase = 2 * Math.PI * k * n / FrameSamples;
                    re += frame[n] * Math.Cos(phase);
                    im -= frame[n] * Math.Sin(phase);
                }
                spectrum[k] = re * re + im * im;
            }
            var rmsDb = 10 * Math.Log10(energy / FrameSamples + 1e-12);
            if (rmsDb > -40)
            {
                voiced++;
            }
            else if (voiced > 10)
            {
                var turn = FakePipeline.SampleTurn(pipeline.Turns.Count + 1, DateTimeOffset.UtcNow, 600 + voiced);
                pipeline.Turns.Enqueue(turn);
                metrics.RecordTurn(turn);
                voiced = 0;
            }
            pipeline.Beat();
            FrameLatencyMs.Add(Stopwatch.GetElapsedTime(due).TotalMilliseconds);
        }
    }
}
