using Appliance.Core.Audio;
using Appliance.TestSupport.Fakes;

namespace Appliance.Drivers.Audio.Tests;

public sealed class FileDeviceTests
{
    [Fact]
    public async Task File_capture_replays_every_frame_of_a_multichannel_wav_with_exact_timestamps()
    {
        var samples = Enumerable.Range(0, 1000 * 6).Select(i => (i % 200 - 100) / 128f).ToArray();
        var audio = new WavAudio(samples, 16000, 6, 16);
        await using var capture = new FileCapture(audio, blockFrames: 256);
        var got = new List<float>();
        var stamps = new List<long>();
        await foreach (var frame in capture.ReadAsync())
        {
            got.AddRange(frame.Samples);
            stamps.Add(frame.Timestamp);
        }
        Assert.Equal(samples, got);
        Assert.Equal(4, stamps.Count);
        var perBlock = 256.0 * TimeProvider.System.TimestampFrequency / 16000;
        Assert.InRange(stamps[3] - stamps[0], 3 * perBlock - 1, 3 * perBlock + 1);
    }

    [Fact]
    public async Task File_playback_records_what_was_played_with_positions_and_flush_drops_the_rest()
    {
        var playback = new FilePlayback(22050);
        var reported = new List<PlayedBlock>();
        playback.BlockPlayed += reported.Add;
        Assert.Equal(0, await playback.WriteAsync(new float[] { 0.1f, 0.2f }));
        Assert.Equal(2, await playback.WriteAsync(new float[] { 0.3f }));
        await playback.DrainAsync();
        Assert.Equal([0.1f, 0.2f, 0.3f], playback.Played);
        Assert.Equal(3, playback.Position.FramesPlayed);
        Assert.Equal([0L, 2L], reported.Select(b => b.FirstFrame));
        Assert.Equal(3, playback.Flush());

        var path = Path.Combine(Directory.CreateTempSubdirectory("fp").FullName, "played.wav");
        playback.Save(path);
        Assert.Equal(3, WavFile.Read(path).Frames);
    }

    [Fact]
    public async Task Real_time_file_playback_flush_drops_what_was_not_heard_yet()
    {
        var playback = new FilePlayback(16000, realTime: true);
        await playback.WriteAsync(new float[16000 * 10]); // 10 s queued
        var stoppedAt = playback.Flush();
        Assert.InRange(stoppedAt, 0, 16000 * 5);
        Assert.Equal(stoppedAt, playback.Played.Length);
    }

    [Fact]
    public async Task Real_time_file_playback_with_output_latency_plays_later_and_reports_the_queued_time_line()
    {
        var clock = new ManualTimeProvider();
        var playback = new FilePlayback(16000, realTime: true, clock, TimeSpan.FromMilliseconds(50));
        await playback.WriteAsync(new float[1600]); // 100 ms
        clock.Advance(TimeSpan.FromSeconds(5)); // idle long after the first sound
        var t0 = clock.GetTimestamp();
        Assert.Equal(1600, await playback.WriteAsync(Enumerable.Repeat(0.5f, 1600).ToArray()));
        clock.Advance(TimeSpan.FromMilliseconds(20));
        var waiting = playback.Position;
        Assert.Equal(1600, waiting.FramesPlayed); // nothing of the new audio heard inside the latency
        Assert.Equal(t0 + TimeSpan.FromMilliseconds(50).Ticks, waiting.Timestamp); // frame 1600 plays 50 ms after the write

        clock.Advance(TimeSpan.FromMilliseconds(40)); // 60 ms after the write: 10 ms heard
        var playing = playback.Position;
        Assert.Equal(1600 + 160, playing.FramesPlayed);
        Assert.Equal(t0 + TimeSpan.FromMilliseconds(60).Ticks, playing.Timestamp);
        Assert.Equal(t0 + TimeSpan.FromMilliseconds(50).Ticks, playback.Log[^1].DacTimestamp);
    }
}
