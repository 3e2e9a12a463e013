using Appliance.Core.Audio;

namespace Appliance.Drivers.Audio.Tests;

/// <summary>The real PortAudio → ALSA path, on file-backed PCMs.</summary>
[Collection("alsa")]
public sealed class PortAudioAlsaTests(AlsaTestDevices alsa)
{
    [Fact]
    public void PortAudio_lists_the_configured_pcms_as_devices()
    {
        var devices = alsa.Runtime.Devices();
        Assert.Contains(devices, d => d.Name == "kiosk_mic" && d.MaxInputChannels >= 4 && d.HostApi == "ALSA");
        Assert.Contains(devices, d => d.Name == "kiosk_speaker" && d.MaxOutputChannels >= 1);
        Assert.StartsWith("PortAudio V19", alsa.Runtime.VersionText);
    }

    /// <summary>
    /// The null slave under the file plugin is never "full" or paced, so ALSA reports overruns and skips
    /// ahead in the file after the first buffer (a real device paces reads). What we can and do prove:
    /// every captured block is, sample for sample, a contiguous piece of the file, in file order, and the
    /// first blocks (before the first skip) are exactly the file's start.
    /// </summary>
    [Fact]
    public async Task Captured_samples_equal_the_file_the_pcm_reads()
    {
        const int channels = AlsaTestDevices.MicChannels;
        await using var capture = PortAudioCapture.Open(alsa.Runtime, "kiosk_mic", channels, backpressure: true);
        var blocks = new List<AudioFrame>();
        long expectedFirst = 0;
        await foreach (var frame in capture.ReadAsync())
        {
            Assert.Equal(expectedFirst, frame.FirstFrame);
            Assert.Equal(channels, frame.Channels);
            expectedFirst += frame.Frames;
            blocks.Add(frame);
            if (blocks.Count == 12)
            {
                break;
            }
        }
        var fileFrames = alsa.MicPcm.Length / channels;
        var previous = -1;
        for (var b = 0; b < blocks.Count; b++)
        {
            var pcm = blocks[b].Samples.Select(v => (short)Math.Round(v * 32768)).ToArray();
            var offset = Enumerable.Range(previous + 1, fileFrames - previous - 1 - blocks[b].Frames)
                .FirstOrDefault(o => alsa.MicPcm.AsSpan(o * channels, pcm.Length).SequenceEqual(pcm), -1);
            Assert.True(offset >= 0, $"block {b} is not a piece of the file after frame {previous}");
            if (b == 0)
            {
                // The stream starts at the file's start; later blocks are pieces in order (a reader
                // descheduled longer than ALSA's buffer on a loaded box may skip some, as a device would).
                Assert.Equal(0, offset);
            }
            previous = offset;
        }
    }

    [Fact]
    public async Task Played_samples_land_in_the_file_with_positions_reported()
    {
        File.Delete(alsa.SpeakerFile);
        var tone = Enumerable.Range(0, 8000).Select(i => (float)(0.4 * Math.Sin(i * 0.05))).ToArray();
        var blocks = new List<PlayedBlock>();
        await using (var playback = PortAudioPlayback.Open(alsa.Runtime, "kiosk_speaker", 16000))
        {
            playback.BlockPlayed += blocks.Add;
            Assert.Equal(0, await playback.WriteAsync(tone.AsMemory(0, 5000)));
            Assert.Equal(5000, await playback.WriteAsync(tone.AsMemory(5000)));
            await playback.DrainAsync().WaitAsync(TimeSpan.FromSeconds(30));
            Assert.Equal(8000, playback.Position.FramesPlayed);
            Assert.Equal(8000, playback.Counters.FramesPlayed);
        }
        var written = AlsaTestDevices.ReadPcm(alsa.SpeakerFile);
        Assert.True(written.Length >= 8000, $"only {written.Length} samples reached the file");
        for (var i = 0; i < 8000; i++)
        {
            Assert.True(Math.Abs(written[i] - tone[i] * 32767) <= 2.01, $"sample {i}: {written[i]} vs {tone[i] * 32767}; first: {string.Join(",", written.Take(12))}");
        }
        // Positions are contiguous and timestamps never go backwards.
        Assert.Equal(0, blocks[0].FirstFrame);
        Assert.All(blocks.Zip(blocks.Skip(1)), p => Assert.Equal(p.First.FirstFrame + p.First.Samples.Length, p.Second.FirstFrame));
        Assert.Equal(8000, blocks.Sum(b => b.Samples.Length));
        Assert.True(blocks.Zip(blocks.Skip(1)).All(p => p.Second.DacTimestamp >= p.First.DacTimestamp));
    }

    [Fact]
    public async Task A_device_without_the_tts_rate_is_fed_through_the_resampler()
    {
        File.Delete(alsa.Speaker48File);
        // The plug PCM converts rates itself; the resampler path is still taken when PortAudio reports the rate unsupported.
        await using (var playback = PortAudioPlayback.Open(alsa.Runtime, "kiosk_speaker48", 22050, channels: 2))
        {
            await playback.WriteAsync(Enumerable.Range(0, 22050).Select(i => (float)(0.3 * Math.Sin(2 * Math.PI * 440 * i / 22050))).ToArray());
            await playback.DrainAsync().WaitAsync(TimeSpan.FromSeconds(30));
        }
        var written = AlsaTestDevices.ReadPcm(alsa.Speaker48File);
        Assert.InRange(written.Length / 2, 47000, 48100); // ~1 s at 48 kHz, stereo
    }

    [Fact]
    public void Unknown_devices_and_bad_formats_get_clear_messages()
    {
        var ex = Assert.Throws<AudioDeviceException>(() => PortAudioCapture.Open(alsa.Runtime, "respeaker", 4));
        Assert.Contains("no capture device 'respeaker'", ex.Message);
        Assert.Contains("kiosk_mic", ex.Message);
        ex = Assert.Throws<AudioDeviceException>(() => PortAudioCapture.Open(alsa.Runtime, "kiosk_mic", 4, sampleRate: 12345));
        Assert.Contains("12345", ex.Message);
        ex = Assert.Throws<AudioDeviceException>(() => PortAudioCapture.Open(alsa.Runtime, "kiosk_mic", 200));
        Assert.Contains("200", ex.Message);
        ex = Assert.Throws<AudioDeviceException>(() => PortAudioPlayback.Open(alsa.Runtime, "kiosk_speaker", 16000, channels: 6));
        Assert.Contains("mono or stereo", ex.Message);
    }
}
