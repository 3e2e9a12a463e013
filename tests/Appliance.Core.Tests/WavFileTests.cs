using Appliance.Core.Audio;
using Appliance.TestSupport;

namespace Appliance.Core.Tests;

public class WavFileTests
{
    [Fact]
    public void Reads_a_real_recording_as_16k_mono()
    {
        var audio = WavFile.Read(SharedData.Speech("en", "jfk.wav"));
        Assert.Equal(16000, audio.SampleRate);
        Assert.Equal(1, audio.Channels);
        Assert.InRange(audio.Duration.TotalSeconds, 10.9, 11.1);
        Assert.Contains(audio.Samples, s => Math.Abs(s) > 0.1f);
    }

    [Fact]
    public void Round_trips_16_bit_pcm()
    {
        var samples = Enumerable.Range(0, 1600).Select(i => MathF.Sin(i * 0.05f) * 0.5f).ToArray();
        using var stream = new MemoryStream();
        WavFile.Write(stream, samples, 16000);
        var back = WavFile.Parse(stream.ToArray());
        Assert.Equal(16000, back.SampleRate);
        Assert.Equal(samples.Length, back.Frames);
        for (var i = 0; i < samples.Length; i++)
        {
            Assert.InRange(back.Samples[i] - samples[i], -1e-4f, 1e-4f);
        }
    }

    [Fact]
    public void Deinterleaves_channels()
    {
        float[] stereo = [0.1f, -0.1f, 0.2f, -0.2f];
        using var stream = new MemoryStream();
        WavFile.Write(stream, stereo, 16000, channels: 2);
        var audio = WavFile.Parse(stream.ToArray());
        Assert.Equal(2, audio.Frames);
        Assert.Equal(-0.2f, audio.Channel(1)[1], 3);
    }

    [Fact]
    public void Refuses_non_wav_data()
    {
        var e = Assert.Throws<InvalidAudioException>(() => WavFile.Parse("hello world, not audio"u8, "x.wav"));
        Assert.Contains("not a WAV file", e.Message);
    }

    [Fact]
    public void Refuses_a_truncated_file()
    {
        var bytes = File.ReadAllBytes(SharedData.Speech("en", "jfk.wav"));
        var e = Assert.Throws<InvalidAudioException>(() => WavFile.Parse(bytes.AsSpan(0, bytes.Length / 2), "cut.wav"));
        Assert.Contains("truncated", e.Message);
    }

    [Fact]
    public void Refuses_wrong_rate_or_stereo_for_speech_with_a_conversion_hint()
    {
        using var stream = new MemoryStream();
        WavFile.Write(stream, new float[800], 8000, channels: 2);
        var audio = WavFile.Parse(stream.ToArray(), "phone.wav");
        var e = Assert.Throws<InvalidAudioException>(() => WavFile.RequireMono(audio, "phone.wav"));
        Assert.Contains("8000 Hz", e.Message);
        Assert.Contains("sox", e.Message);
    }

    [Fact]
    public void Refuses_empty_audio()
    {
        using var stream = new MemoryStream();
        WavFile.Write(stream, ReadOnlySpan<float>.Empty, 16000);
        var audio = WavFile.Parse(stream.ToArray(), "empty.wav");
        var e = Assert.Throws<InvalidAudioException>(() => WavFile.RequireMono(audio, "empty.wav"));
        Assert.Contains("no audio", e.Message);
    }

    [Fact]
    public void Reads_8_bit_pcm()
    {
        byte[] header = [.. "RIFF"u8, 40, 0, 0, 0, .. "WAVEfmt "u8, 16, 0, 0, 0, 1, 0, 1, 0, 0x40, 0x1F, 0, 0, 0x40, 0x1F, 0, 0, 1, 0, 8, 0, .. "data"u8, 4, 0, 0, 0, 128, 255, 0, 128];
        var audio = WavFile.Parse(header, "8bit.wav");
        Assert.Equal(8, audio.BitsPerSample);
        Assert.Equal(-1f, audio.Samples[2]);
        Assert.Throws<InvalidAudioException>(() => WavFile.RequireMono(audio, "8bit.wav", 8000));
    }
}
