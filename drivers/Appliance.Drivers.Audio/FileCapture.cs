using System.Runtime.CompilerServices;
using Appliance.Core.Audio;

namespace Appliance.Drivers.Audio;

/// <summary>
/// Replays a (multi-channel) WAV file as a capture source, in blocks, either paced in real time
/// against the monotonic clock (replaying a recorded session through the live pipeline) or as fast as
/// possible (benchmarks, tests). Timestamps are stream start + position, exactly.
/// </summary>
public sealed class FileCapture(WavAudio audio, int blockFrames = 256, bool realTime = false, TimeProvider? clock = null) : IAudioCapture
{
    private readonly TimeProvider clock = clock ?? TimeProvider.System;

    public static FileCapture Open(string path, int blockFrames = 256, bool realTime = false) => new(WavFile.Read(path), blockFrames, realTime);

    public int SampleRate => audio.SampleRate;

    public int Channels => audio.Channels;

    public async IAsyncEnumerable<AudioFrame> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var start = clock.GetTimestamp();
        for (long frame = 0; frame < audio.Frames; frame += blockFrames)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var frames = (int)Math.Min(blockFrames, audio.Frames - frame);
            var block = audio.Samples.AsSpan((int)(frame * Channels), frames * Channels).ToArray();
            var stamp = clock.AddSamplesTo(start, frame, SampleRate);
            if (realTime)
            {
                // A block is available once its last sample has "arrived".
                var due = clock.AddSamplesTo(start, frame + frames, SampleRate);
                var wait = clock.GetElapsedTime(clock.GetTimestamp(), due);
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, clock, cancellationToken).ConfigureAwait(false);
                }
            }
            yield return new AudioFrame(block, Channels, SampleRate, frame, stamp);
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

internal static class ClockExtensions
{
    public static long AddSamplesTo(this TimeProvider clock, long start, long samples, int sampleRate) =>
        start + (long)((double)samples * clock.TimestampFrequency / sampleRate);
}
