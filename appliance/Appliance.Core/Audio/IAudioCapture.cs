namespace Appliance.Core.Audio;

/// <summary>
/// A block of captured audio. <see cref="Samples"/> is interleaved with <see cref="Channels"/> channels;
/// <see cref="FirstFrame"/> counts frames since the stream opened; <see cref="Timestamp"/> is the
/// monotonic time (TimeProvider.GetTimestamp) at which the first frame reached the ADC as best the
/// driver knows.
/// </summary>
public sealed record AudioFrame(float[] Samples, int Channels, int SampleRate, long FirstFrame, long Timestamp)
{
    public int Frames => Samples.Length / Channels;
}

/// <summary>A microphone (array), a file replayed in real time, or a test double.</summary>
public interface IAudioCapture : IAsyncDisposable
{
    int SampleRate { get; }

    int Channels { get; }

    /// <summary>Blocks of audio until the source ends or <paramref name="cancellationToken"/> fires.</summary>
    IAsyncEnumerable<AudioFrame> ReadAsync(CancellationToken cancellationToken = default);
}

/// <summary>
/// A speaker. Reports where playback is so that echo cancellation can align its reference and the
/// avatar can clock its lip-sync on what is actually heard.
/// </summary>
public interface IAudioPlayback : IAsyncDisposable
{
    int SampleRate { get; }

    int Channels { get; }

    /// <summary>Queues mono samples; returns the stream position (frames) of the first queued sample.</summary>
    ValueTask<long> WriteAsync(ReadOnlyMemory<float> samples, CancellationToken cancellationToken = default);

    /// <summary>Drops everything queued but not yet played (barge-in); returns the position playback stopped at.</summary>
    long Flush();

    /// <summary>Frames played so far and the monotonic time at which the last of them left the DAC.</summary>
    PlaybackPosition Position { get; }

    /// <summary>Completes when everything queued has been played.</summary>
    Task DrainAsync(CancellationToken cancellationToken = default);
}

public readonly record struct PlaybackPosition(long FramesPlayed, long Timestamp);
