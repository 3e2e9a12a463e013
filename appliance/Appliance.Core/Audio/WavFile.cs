using System.Buffers.Binary;
using System.Text;

namespace Appliance.Core.Audio;

/// <summary>Decoded PCM audio: samples in [-1, 1], interleaved when there is more than one channel.</summary>
public sealed record WavAudio(float[] Samples, int SampleRate, int Channels, int BitsPerSample)
{
    public int Frames => Channels == 0 ? 0 : Samples.Length / Channels;

    public TimeSpan Duration => SampleRate == 0 ? TimeSpan.Zero : TimeSpan.FromSeconds((double)Frames / SampleRate);

    /// <summary>One channel, de-interleaved.</summary>
    public float[] Channel(int index)
    {
        if (index < 0 || index >= Channels)
        {
            throw new ArgumentOutOfRangeException(nameof(index), $"channel {index} does not exist; the audio has {Channels}");
        }
        var result = new float[Frames];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = Samples[i * Channels + index];
        }
        return result;
    }
}

/// <summary>A WAV file that cannot be used, with a message a technician can act on.</summary>
public sealed class InvalidAudioException(string message) : Exception(message);

/// <summary>
/// RIFF/WAVE reading and writing. Reads PCM 8/16/24/32-bit and IEEE float 32-bit with any rate and
/// channel count; every malformed input becomes an <see cref="InvalidAudioException"/> naming the file.
/// </summary>
public static class WavFile
{
    public static WavAudio Read(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidAudioException($"{path}: cannot read the file ({e.Message})");
        }
        return Parse(bytes, path);
    }

    public static WavAudio Parse(ReadOnlySpan<byte> data, string name = "audio")
    {
        if (data.Length < 12 || !data[..4].SequenceEqual("RIFF"u8) || !data.Slice(8, 4).SequenceEqual("WAVE"u8))
        {
            throw new InvalidAudioException($"{name}: not a WAV file (no RIFF/WAVE header)");
        }
        int format = 0, channels = 0, rate = 0, bits = 0;
        var haveFormat = false;
        var pos = 12;
        while (pos + 8 <= data.Length)
        {
            var id = data.Slice(pos, 4);
            var size = BinaryPrimitives.ReadUInt32LittleEndian(data.Slice(pos + 4, 4));
            var body = pos + 8;
            if (id.SequenceEqual("fmt "u8))
            {
                if (size < 16 || body + 16 > data.Length)
                {
                    throw new InvalidAudioException($"{name}: truncated format chunk");
                }
                format = BinaryPrimitives.ReadUInt16LittleEndian(data.Slice(body, 2));
                channels = BinaryPrimitives.ReadUInt16LittleEndian(data.Slice(body + 2, 2));
                rate = BinaryPrimitives.ReadInt32LittleEndian(data.Slice(body + 4, 4));
                bits = BinaryPrimitives.ReadUInt16LittleEndian(data.Slice(body + 14, 2));
                if (format == 0xFFFE && size >= 40 && body + 26 <= data.Length)
                {
                    // WAVE_FORMAT_EXTENSIBLE: the real format is the first two bytes of the sub-format GUID.
                    format = BinaryPrimitives.ReadUInt16LittleEndian(data.Slice(body + 24, 2));
                }
                haveFormat = true;
            }
            else if (id.SequenceEqual("data"u8))
            {
                if (!haveFormat)
                {
                    throw new InvalidAudioException($"{name}: data chunk before the format chunk");
                }
                Validate(name, format, channels, rate, bits);
                var available = data.Length - body;
                if (size > available)
                {
                    throw new InvalidAudioException($"{name}: truncated: the data chunk declares {size} bytes but only {available} are present");
                }
                return Decode(data.Slice(body, (int)size), format, channels, rate, bits, name);
            }
            pos = body + (int)Math.Min(size + (size & 1), int.MaxValue - body);
        }
        throw new InvalidAudioException(haveFormat ? $"{name}: no data chunk (truncated file?)" : $"{name}: no format chunk");
    }

    private static void Validate(string name, int format, int channels, int rate, int bits)
    {
        if (format != 1 && format != 3)
        {
            throw new InvalidAudioException($"{name}: unsupported WAV encoding {format}; use PCM or IEEE float");
        }
        if (channels is < 1 or > 32)
        {
            throw new InvalidAudioException($"{name}: invalid channel count {channels}");
        }
        if (rate is < 1000 or > 384000)
        {
            throw new InvalidAudioException($"{name}: invalid sample rate {rate} Hz");
        }
        if (format == 1 && bits is not (8 or 16 or 24 or 32) || format == 3 && bits != 32)
        {
            throw new InvalidAudioException($"{name}: unsupported sample size {bits} bits");
        }
    }

    private static WavAudio Decode(ReadOnlySpan<byte> pcm, int format, int channels, int rate, int bits, string name)
    {
        var bytesPerSample = bits / 8;
        var frameBytes = bytesPerSample * channels;
        var frames = pcm.Length / frameBytes;
        if (pcm.Length % frameBytes != 0)
        {
            throw new InvalidAudioException($"{name}: truncated: {pcm.Length} data bytes is not a whole number of {frameBytes}-byte frames");
        }
        var samples = new float[frames * channels];
        for (var i = 0; i < samples.Length; i++)
        {
            var s = pcm.Slice(i * bytesPerSample, bytesPerSample);
            samples[i] = (format, bits) switch
            {
                (3, 32) => BinaryPrimitives.ReadSingleLittleEndian(s),
                (_, 8) => (s[0] - 128) / 128f,
                (_, 16) => BinaryPrimitives.ReadInt16LittleEndian(s) / 32768f,
                (_, 24) => ((s[2] << 24 | s[1] << 16 | s[0] << 8) >> 8) / 8388608f,
                _ => BinaryPrimitives.ReadInt32LittleEndian(s) / 2147483648f,
            };
        }
        return new WavAudio(samples, rate, channels, bits);
    }

    /// <summary>
    /// Reads a file that must be mono at <paramref name="sampleRate"/> (speech engines need exactly that);
    /// anything else is refused with the conversion command in the message.
    /// </summary>
    public static float[] ReadMono(string path, int sampleRate = 16000)
    {
        var audio = Read(path);
        RequireMono(audio, path, sampleRate);
        return audio.Samples;
    }

    public static void RequireMono(WavAudio audio, string name, int sampleRate = 16000)
    {
        if (audio.Channels != 1 || audio.SampleRate != sampleRate || audio.BitsPerSample < 16)
        {
            throw new InvalidAudioException(
                $"{name}: expected {sampleRate} Hz mono, 16-bit or better; the file is {audio.SampleRate} Hz, " +
                $"{audio.Channels} channel(s), {audio.BitsPerSample}-bit. Convert it with: " +
                $"sox '{name}' -r {sampleRate} -c 1 -b 16 out.wav");
        }
        if (audio.Frames == 0)
        {
            throw new InvalidAudioException($"{name}: the file holds no audio");
        }
    }

    /// <summary>Writes 16-bit PCM; samples outside [-1, 1] are clipped.</summary>
    public static void Write(string path, ReadOnlySpan<float> samples, int sampleRate, int channels = 1)
    {
        using var stream = File.Create(path);
        Write(stream, samples, sampleRate, channels);
    }

    public static void Write(Stream stream, ReadOnlySpan<float> samples, int sampleRate, int channels = 1)
    {
        var dataBytes = samples.Length * 2;
        var header = new byte[44];
        Encoding.ASCII.GetBytes("RIFF").CopyTo(header, 0);
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(4), 36 + dataBytes);
        Encoding.ASCII.GetBytes("WAVEfmt ").CopyTo(header, 8);
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(16), 16);
        BinaryPrimitives.WriteInt16LittleEndian(header.AsSpan(20), 1);
        BinaryPrimitives.WriteInt16LittleEndian(header.AsSpan(22), (short)channels);
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(24), sampleRate);
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(28), sampleRate * channels * 2);
        BinaryPrimitives.WriteInt16LittleEndian(header.AsSpan(32), (short)(channels * 2));
        BinaryPrimitives.WriteInt16LittleEndian(header.AsSpan(34), 16);
        Encoding.ASCII.GetBytes("data").CopyTo(header, 36);
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(40), dataBytes);
        stream.Write(header);
        var buffer = new byte[dataBytes];
        for (var i = 0; i < samples.Length; i++)
        {
            var v = Math.Clamp(samples[i], -1f, 1f);
            BinaryPrimitives.WriteInt16LittleEndian(buffer.AsSpan(i * 2), (short)Math.Round(v * 32767f));
        }
        stream.Write(buffer);
    }
}
