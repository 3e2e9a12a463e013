using System.CommandLine;
using Appliance.Core.Audio;
using Appliance.Drivers.Audio;
using Appliance.Drivers.Dsp;

namespace Appliance.Host.Cli;

/// <summary>
/// `audio frontend`: replays a recorded multi-channel WAV (e.g. from `audio record`) through the DSP
/// front end — the same FrontEndCapture the service uses — and writes the cleaned mono audio; prints the
/// DOA track. With --reference, that file is the far end the kiosk played over the recording.
/// </summary>
internal static class AudioFrontEndCommand
{
    public static Command Create()
    {
        var input = new Option<string>("--in") { Description = "multi-channel 16 kHz WAV recorded from the array", Required = true };
        var output = new Option<string>("--out") { Description = "cleaned mono WAV to write", Required = true };
        var geometry = new Option<string?>("--geometry") { Description = "mic array, e.g. circular:6:0.0463 or linear:4:0.04:channels=1,2,3,4:processed=0 (none: single mic)" };
        var reference = new Option<string?>("--reference") { Description = "mono 16 kHz WAV the kiosk played during the recording (enables AEC)" };
        var delay = new Option<int>("--reference-delay") { Description = "echo delay behind the reference in samples (from audio loopback-test); -1 = estimate", DefaultValueFactory = _ => -1 };
        var command = new Command("frontend", "Replay a recording through the front end (DOA, beam, AEC, denoise)") { input, output, geometry, reference, delay };
        command.SetAction(parse => AudioCommands.Guarded(async () =>
        {
            var mics = WavFile.Read(parse.GetValue(input)!);
            if (mics.SampleRate != 16000)
            {
                throw new ArgumentException($"{parse.GetValue(input)}: the front end runs at 16000 Hz; the file is {mics.SampleRate} Hz (sox in.wav -r 16000 out.wav)");
            }
            var array = parse.GetValue(geometry) is { } spec ? ArrayGeometry.Parse(spec) : null;
            array?.Validate(mics.Channels); // a geometry that does not fit the recording is refused before any work
            var clock = new FixedClock();
            var echo = new EchoReference(16000, clock.TimestampFrequency, capacitySeconds: mics.Duration.TotalSeconds + 2);
            var far = parse.GetValue(reference) is { } path ? WavFile.ReadMono(path) : null;
            if (far is not null)
            {
                var d = parse.GetValue(delay);
                echo.ExtraDelay = Math.Max(0, (d >= 0 ? d : new DelayEstimator(16000).Estimate(far, mics.Channel(array?.MicChannels[0] ?? 0)) ?? 0) - 32);
                echo.Played(far, 0);
                Console.WriteLine($"reference aligned with {echo.ExtraDelay + 32} samples of echo delay");
            }
            var options = new FrontEndOptions(mics.Channels, array, EchoCancellation: far is not null, Preprocess: new PreprocessorOptions());
            await using var capture = new FrontEndCapture(new FileCapture(mics, 256, clock: clock), options, echo);
            capture.DoaChanged += doa => Console.WriteLine($"DOA {doa.AngleDegrees,5:0}°  (confidence {doa.Confidence:0.00})");
            var cleaned = new List<float>();
            await foreach (var frame in capture.ReadAsync())
            {
                cleaned.AddRange(frame.Samples);
            }
            WavFile.Write(parse.GetValue(output)!, cleaned.ToArray(), 16000);
            Console.WriteLine($"wrote {cleaned.Count / 16000.0:0.00} s -> {parse.GetValue(output)}");
            return 0;
        }));
        return command;
    }

    /// <summary>A clock standing at 0: a replayed file and its reference share one time line.</summary>
    private sealed class FixedClock : TimeProvider
    {
        public override long TimestampFrequency => 1_000_000_000;

        public override long GetTimestamp() => 0;
    }
}
