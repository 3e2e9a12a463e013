using System.CommandLine;
using System.Text.Json;
using Appliance.Core.Audio;
using Appliance.Drivers.Audio;
using Appliance.Drivers.Dsp;
using Appliance.Drivers.Dsp.Measurements;
using Appliance.Drivers.Dsp.Synthesis;

namespace Appliance.Host.Cli;

/// <summary>
/// `audio loopback-test`: plays a chirp, records the mic at the same time, and reports the latency of
/// the echo (beyond what the device timestamps already explain) and the ERLE the front end achieves on
/// it. The reference is aligned through the playback's DAC timestamps and the capture's ADC
/// timestamps (<see cref="EchoReference"/>), exactly as in service. `--simulate` runs the same analysis
/// on a synthetic room instead of devices.
/// </summary>
internal static class AudioLoopbackTest
{
    private const int Rate = 16000;

    public static Command Create()
    {
        var capture = new Option<string?>("--capture-device") { Description = "capture device name or index" };
        var playback = new Option<string?>("--playback-device") { Description = "playback device name or index" };
        var channels = new Option<int>("--channels") { Description = "capture channels to open (channel 0 is analysed)", DefaultValueFactory = _ => 1 };
        var simulate = new Option<bool>("--simulate") { Description = "no devices: a synthetic room (RIR + 30 ms delay + noise)" };
        var json = new Option<bool>("--json") { Description = "print JSON" };
        var command = new Command("loopback-test", "Play a chirp, record it, report echo latency and ERLE") { capture, playback, channels, simulate, json };
        command.SetAction(parse => AudioCommands.Guarded(async () =>
        {
            var chirp = Probe();
            var (reference, mic, roundTripMs) = parse.GetValue(simulate)
                ? Simulated(chirp)
                : await Recorded(chirp, parse.GetValue(capture), parse.GetValue(playback), parse.GetValue(channels));
            var report = ErleMeasurement.Evaluate(reference, mic, convergenceSeconds: 4);
            var result = new
            {
                mode = parse.GetValue(simulate) ? "simulated" : "devices",
                echo_found = report.EstimatedDelay is not null,
                residual_latency_ms = report.EstimatedDelay is { } d ? Math.Round(d * 1000.0 / Rate, 2) : (double?)null,
                round_trip_ms = roundTripMs is { } r ? Math.Round(r, 1) : (double?)null,
                erle_db = report.EstimatedDelay is null ? (double?)null : Math.Round(report.TotalErleDb, 1),
                aec_erle_db = report.EstimatedDelay is null ? (double?)null : Math.Round(report.AecErleDb, 1),
            };
            if (parse.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(result, new JsonSerializerOptions { WriteIndented = true }));
            }
            else if (!result.echo_found)
            {
                Console.WriteLine("no echo of the chirp reached the microphone: is the mic near the speaker, and the volume up?");
            }
            else
            {
                Console.WriteLine($"echo {result.residual_latency_ms} ms after the timestamped reference (round trip {result.round_trip_ms?.ToString() ?? "n/a"} ms); " +
                                  $"ERLE {result.erle_db} dB (linear AEC {result.aec_erle_db} dB)");
            }
            return result.echo_found ? 0 : 1;
        }));
        return command;
    }

    /// <summary>
    /// 0.5 s silence, a 1 s 150 Hz–6 kHz chirp (sharp correlation peak for the latency), then 6 s of
    /// white noise (excites every band at once, so MDF converges within seconds), 0.5 s silence.
    /// </summary>
    private static float[] Probe()
    {
        var probe = new float[Rate * 8];
        TestSignals.Chirp(Rate, 1.0, 150, 6000, 0.3).CopyTo(probe, Rate / 2);
        var random = new Random(1);
        for (var i = Rate * 3 / 2; i < Rate * 15 / 2; i++)
        {
            probe[i] = (float)((random.NextDouble() - 0.5) * 0.4);
        }
        return probe;
    }

    private static (float[] Reference, float[] Mic, double? RoundTripMs) Simulated(float[] chirp)
    {
        var rir = TestSignals.RoomImpulseResponse(Rate, 1600, 0.15, 7);
        var mic = TestSignals.Echo(chirp, rir, 0.5, Rate * 30 / 1000, 45, 8);
        return (chirp, mic, null);
    }

    private static async Task<(float[] Reference, float[] Mic, double? RoundTripMs)> Recorded(float[] chirp, string? captureName, string? playbackName, int channels)
    {
        using var runtime = PortAudioRuntime.Initialize();
        await using var capture = PortAudioCapture.Open(runtime, captureName, channels, Rate);
        await using var playback = PortAudioPlayback.Open(runtime, playbackName, Rate);
        var clock = TimeProvider.System;
        var echo = new EchoReference(Rate, clock.TimestampFrequency);
        playback.BlockPlayed += block => echo.Played(block.Samples.Span, block.DacTimestamp);
        var frames = new List<AudioFrame>();
        using var stop = new CancellationTokenSource();
        var reader = Task.Run(async () =>
        {
            try
            {
                await foreach (var frame in capture.ReadAsync(stop.Token))
                {
                    frames.Add(frame);
                }
            }
            catch (OperationCanceledException)
            {
            }
        });
        await Task.Delay(300); // let the capture settle
        var handedAt = clock.GetTimestamp();
        await playback.WriteAsync(chirp);
        await playback.DrainAsync();
        await Task.Delay(500);
        await stop.CancelAsync();
        await reader;
        var mic = new List<float>();
        var reference = new List<float>();
        var block = new float[capture.BlockFrames];
        long? firstStamp = null;
        foreach (var frame in frames)
        {
            firstStamp ??= frame.Timestamp;
            for (var t = 0; t < frame.Frames; t++)
            {
                mic.Add(frame.Samples[t * frame.Channels]);
            }
            Array.Resize(ref block, frame.Frames);
            echo.Read(frame.Timestamp, block);
            reference.AddRange(block);
        }
        // Round trip: where the raw chirp shows up in the mic, against when it was handed to playback.
        double? roundTrip = null;
        if (firstStamp is { } first && mic.Count > 0)
        {
            var raw = new float[mic.Count];
            var offset = (int)((handedAt - first) * (double)Rate / clock.TimestampFrequency);
            for (var i = 0; i < chirp.Length && offset + i < raw.Length; i++)
            {
                if (offset + i >= 0)
                {
                    raw[offset + i] = chirp[i];
                }
            }
            var lag = new DelayEstimator(Rate, 1.0).Estimate(raw, mic.ToArray());
            roundTrip = lag is { } l ? l * 1000.0 / Rate : null;
        }
        return (reference.ToArray(), mic.ToArray(), roundTrip);
    }
}
