using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using Appliance.Drivers.Dsp;
using Appliance.Drivers.Dsp.Measurements;
using Appliance.Drivers.Dsp.Synthesis;

namespace Appliance.Host.Cli;

/// <summary>
/// `bench frontend`: ERLE on a synthetic echo path with real speech, DOA error at 10 dB SNR for linear
/// and circular 4/6-mic arrays, and per-block cost of the whole front end on one core.
/// </summary>
internal static class FrontEndBench
{
    private static readonly string[] Geometries = ["linear:4:0.04", "linear:6:0.04", "circular:4:0.032", "circular:6:0.0463"];

    public static Command Create()
    {
        var json = new Option<bool>("--json") { Description = "print JSON" };
        var seconds = new Option<double>("--seconds") { Description = "seconds of far-end speech for the ERLE run", DefaultValueFactory = _ => 20 };
        var speech = new Option<string?>("--speech") { Description = "folder of 16 kHz mono speech (default ../shared/speech/en)" };
        var command = new Command("frontend", "Measure the DSP front end: ERLE, DOA error, per-block cost") { json, seconds, speech };
        command.SetAction(parse => AudioCommands.Guarded(() => Run(parse.GetValue(json), parse.GetValue(seconds), parse.GetValue(speech))));
        return command;
    }

    private static int Run(bool json, double seconds, string? speechDir)
    {
        var dir = SharedSpeech.FindDirectory(speechDir);
        var far = SharedSpeech.Load(dir, seconds);
        var erle = new ErleMeasurement().Run(far);
        var doaSpeech = SharedSpeech.Load(dir, 8)[(16000 * 5)..];
        var doa = Geometries.Select(spec =>
        {
            var g = ArrayGeometry.Parse(spec);
            double[] angles = g.Shape == ArrayShape.Linear ? [20, 45, 70, 90, 110, 135, 160] : [0, 30, 75, 120, 180, 225, 270, 315];
            return DoaMeasurement.Run(g, doaSpeech, 10, angles);
        }).ToList();
        var costs = Geometries.Select(spec => BlockCost(ArrayGeometry.Parse(spec), doaSpeech)).Prepend(BlockCost(null, doaSpeech)).ToList();
        var result = new
        {
            erle_db = Math.Round(erle.TotalErleDb, 1),
            aec_erle_db = Math.Round(erle.AecErleDb, 1),
            erle_scenario = $"{seconds:0} s real speech, synthetic RIR (RT60 0.15 s, 100 ms), {erle.TrueDelay} samples bulk delay, noise 45 dB below echo, after 5 s convergence, {erle.Blocks} far-end-active blocks",
            echo_delay_true_samples = erle.TrueDelay,
            echo_delay_estimated_samples = erle.EstimatedDelay,
            doa = doa.Select(d => new
            {
                geometry = d.Geometry,
                snr_db = d.SnrDb,
                windows = d.Windows,
                doa_median_error_deg = d.MedianErrorDeg,
                doa_mean_error_deg = Math.Round(d.MeanErrorDeg, 2),
                doa_p90_error_deg = d.P90ErrorDeg,
                doa_estimate_us_p50 = Math.Round(d.EstimateMicros, 1),
            }),
            block_cost = costs,
            note = "timings on a shared, noisy 2-core box: medians over one run",
        };
        if (json)
        {
            Console.WriteLine(JsonSerializer.Serialize(result, new JsonSerializerOptions { WriteIndented = true }));
        }
        else
        {
            Console.WriteLine($"ERLE {result.erle_db} dB (linear AEC alone {result.aec_erle_db} dB); delay {erle.EstimatedDelay} vs true {erle.TrueDelay} samples");
            foreach (var d in doa)
            {
                Console.WriteLine($"DOA {d.Geometry} @ {d.SnrDb} dB SNR: median {d.MedianErrorDeg}°, mean {d.MeanErrorDeg:0.0}°, p90 {d.P90ErrorDeg}° over {d.Windows} windows");
            }
            foreach (var c in costs)
            {
                Console.WriteLine($"block {c.config}: p50 {c.block_us_p50} µs, p99 {c.block_us_p99} µs per 16 ms block = {c.cpu_pct_of_one_core}% of one core");
            }
        }
        return 0;
    }

    internal sealed record BlockCostResult(string config, double block_us_p50, double block_us_p99, double block_us_mean, double doa_us_mean, double beam_us_p50, double aec_us_p50, double preprocess_us_p50, double cpu_pct_of_one_core, int blocks);

    /// <summary>Whole-chain cost per 256-frame block (16 ms): DOA runs every 4th block when the far end is silent, so it shows in the mean and p99; doa_us_mean is its cost amortised per block.</summary>
    private static BlockCostResult BlockCost(ArrayGeometry? geometry, float[] speech)
    {
        var channels = geometry?.Microphones ?? 1;
        var mics = geometry is null ? speech : TestSignals.PlaneWave(speech, geometry, 60, 16000, 10, 5);
        var reference = speech.Reverse().ToArray(); // an unrelated far end keeps the AEC busy
        var options = new FrontEndOptions(channels, geometry, Preprocess: new PreprocessorOptions());
        using var frontEnd = new AudioFrontEnd(options);
        var n = frontEnd.FrameSize;
        var output = new float[n];
        var total = new List<double>();
        var stages = new List<(long, long, long, long)>();
        var silent = new float[n];
        for (var pass = 0; pass < 2; pass++)
        {
            for (var start = 0; start + n <= speech.Length; start += n)
            {
                // Far end active every other second so DOA (which waits for far-end silence) runs too.
                var far = start / 16000 % 2 == 0 ? reference.AsSpan(start, n) : silent;
                var t0 = Stopwatch.GetTimestamp();
                frontEnd.Process(mics.AsSpan(start * channels, n * channels), far, output);
                var elapsed = Stopwatch.GetElapsedTime(t0).TotalMicroseconds;
                if (pass == 1)
                {
                    total.Add(elapsed);
                    stages.Add(frontEnd.LastTicks);
                }
            }
        }
        total.Sort();
        double Median(Func<(long Doa, long Beam, long Aec, long Pre), long> pick)
        {
            var v = stages.Select(s => pick(s) * 1e6 / Stopwatch.Frequency).Order().ToList();
            return Math.Round(v[v.Count / 2], 1);
        }
        var p50 = total[total.Count / 2];
        var doaMean = stages.Average(s => s.Item1 * 1e6 / Stopwatch.Frequency);
        return new BlockCostResult(
            geometry?.ToString() ?? "mono (AEC + preprocess)",
            Math.Round(p50, 1),
            Math.Round(total[(int)(total.Count * 0.99)], 1),
            Math.Round(total.Average(), 1),
            Math.Round(doaMean, 1),
            Median(s => s.Beam),
            Median(s => s.Aec),
            Median(s => s.Pre),
            Math.Round((total.Average()) / 16000 * 100, 2),
            total.Count);
    }
}
