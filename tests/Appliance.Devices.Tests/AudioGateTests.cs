using System.Runtime.CompilerServices;
using Appliance.Core.Audio;
using Appliance.Devices.Audio;

namespace Appliance.Devices.Tests;

public class AudioGateTests
{
    private sealed class Blocks(int count) : IAudioCapture
    {
        public int SampleRate => 16000;

        public int Channels => 1;

        public async IAsyncEnumerable<AudioFrame> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            for (var i = 0; i < count; i++)
            {
                await Task.Yield();
                yield return new AudioFrame(Enumerable.Repeat(0.5f, 160).ToArray(), 1, 16000, i * 160L, i);
            }
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    [Fact]
    public async Task A_closed_gate_delivers_silence_of_the_same_length_and_timing()
    {
        var gate = new MicrophoneGate { PushToTalkFitted = true };
        var frames = new List<AudioFrame>();
        await foreach (var f in gate.Wrap(new Blocks(4)).ReadAsync())
        {
            frames.Add(f);
            gate.PushToTalkHeld = frames.Count == 1; // held for the second block only
        }
        Assert.Equal([0f, 0.5f, 0f, 0f], frames.Select(f => f.Samples.Max()));
        Assert.All(frames, f => Assert.Equal(160, f.Frames));
        Assert.Equal([0L, 160, 320, 480], frames.Select(f => f.FirstFrame));
        gate.PushToTalkFitted = false;
        gate.Muted = true;
        Assert.False(gate.IsOpen);
    }

    [Fact]
    public async Task The_speaker_monitor_knows_the_level_heard_now_and_when_playback_is_done()
    {
        var monitor = new SpeakerMonitor();
        var speaker = new SteppedPlayback();
        var playback = monitor.Wrap(speaker);
        var at = await playback.WriteAsync(Enumerable.Repeat(0.1f, 3200).ToArray());
        Assert.Equal(0, at);
        Assert.True(monitor.IsPlaying);
        Assert.Equal(0.75, monitor.LevelNow(), 3);
        speaker.Played = 3200;
        Assert.False(monitor.IsPlaying);
        Assert.Equal(0, monitor.LevelNow());
        await playback.WriteAsync(Enumerable.Repeat(0.01f, 3200).ToArray());
        Assert.Equal(0.25, monitor.LevelAt(4000), 3); // −40 dBFS
        Assert.Equal(3200, playback.Flush());
        Assert.False(monitor.IsPlaying);
    }
}
