using Appliance.Core.Audio;
using Appliance.Drivers.Dsp;
using Appliance.Drivers.Dsp.Synthesis;
using Appliance.TestSupport;
using Xunit.Abstractions;

namespace Appliance.Drivers.Audio.Tests;

public sealed class FrontEndCaptureTests(ITestOutputHelper output)
{
    /// <summary>
    /// The kiosk's own voice, played through a playback sink (which timestamps every block) and heard by
    /// a 4-mic array through a room 40 ms later, is cancelled: the reference reaches the AEC through the
    /// timestamps (EchoReference), not through any shared index. The visitor's DOA is published.
    /// </summary>
    [Fact]
    public async Task The_kiosk_voice_is_cancelled_through_timestamp_alignment_and_the_doa_is_published()
    {
        var clock = new ManualClock();
        var geometry = ArrayGeometry.Linear(4, 0.04);
        var far = SharedData.Transcripts("en").Skip(30).SelectMany(t => WavFile.ReadMono(t.Path)).Take(16000 * 10).ToArray();
        var visitor = SharedData.Transcripts("en").Skip(40).SelectMany(t => WavFile.ReadMono(t.Path)).Take(16000 * 2).ToArray();
        const int delay = 640; // 40 ms acoustics + converters, what DelayEstimator would report
        var echo = TestSignals.Echo(far, TestSignals.RoomImpulseResponse(16000, 1000, 0.12, 4), 0.5, delay, 50, 5);
        // 2 s of the visitor at 45° (kiosk silent), then 10 s of the kiosk talking.
        var visitorMics = TestSignals.PlaneWave(visitor, geometry, 45, 16000, 30, 6);
        var echoMics = TestSignals.PlaneWave(echo, geometry, 120, 16000, 50, 7);
        var mics = new WavAudio(visitorMics.Concat(echoMics).ToArray(), 16000, 4, 16);

        var playback = new FilePlayback(16000, clock: clock);
        // The whole far end is "played" at once here, so the reference ring must hold all of it.
        var reference = new EchoReference(16000, clock.TimestampFrequency, capacitySeconds: 16) { ExtraDelay = delay - 32 };
        using var link = FrontEndCapture.Connect(playback, reference);
        clock.Now = clock.TimestampFrequency * 2; // the kiosk starts talking 2 s into the capture
        await playback.WriteAsync(far);
        clock.Now = 0;
        var doas = new List<DoaEstimate>();
        await using var capture = new FrontEndCapture(new FileCapture(mics, 160, clock: clock), new FrontEndOptions(4, geometry, Preprocess: new PreprocessorOptions()), reference);
        capture.DoaChanged += doas.Add;
        var cleaned = new List<float>();
        await foreach (var frame in capture.ReadAsync())
        {
            cleaned.AddRange(frame.Samples);
        }
        var start = 16000 * 7; // kiosk talking for 5 s: converged
        var micPower = Power(mics.Channel(0).AsSpan(start));
        var outPower = Power(cleaned.ToArray().AsSpan(start));
        var erle = 10 * Math.Log10(micPower / outPower);
        output.WriteLine($"ERLE through FrontEndCapture {erle:F1} dB; DOA updates {doas.Count}, last {doas.LastOrDefault()}");
        Assert.True(erle >= 25, $"ERLE {erle:F1} dB");
        Assert.NotEmpty(doas);
        Assert.True(Math.Abs(doas[^1].AngleDegrees - 45) <= 10, $"DOA {doas[^1]}");
    }

    private static double Power(ReadOnlySpan<float> x)
    {
        var sum = 0.0;
        foreach (var v in x)
        {
            sum += v * v;
        }
        return sum / Math.Max(1, x.Length);
    }
}

/// <summary>A monotonic clock the test sets by hand (nanosecond ticks).</summary>
internal sealed class ManualClock : TimeProvider
{
    public long Now { get; set; }

    public override long TimestampFrequency => 1_000_000_000;

    public override long GetTimestamp() => Now;
}
