using System.Runtime.CompilerServices;
using Appliance.Core.Audio;
using Appliance.Drivers.Dsp;

namespace Appliance.Drivers.Audio;

/// <summary>
/// The capture the speech pipeline listens to: the raw (multi-channel) capture run through the DSP
/// front end — DOA, beam, echo cancellation against what the speaker played, residual echo, denoise —
/// and delivered as mono 16 kHz blocks. The far-end reference comes from <paramref name="reference"/>,
/// which the playback feeds (<see cref="Connect"/>), read at each block's ADC timestamp; DOA changes are
/// published for the LED ring. Processing happens on the thread that enumerates (the capture
/// consumer), one block at a time.
/// </summary>
public sealed class FrontEndCapture(IAudioCapture inner, FrontEndOptions options, EchoReference reference) : IAudioCapture
{
    private readonly AudioFrontEnd frontEnd = new(options with { Channels = inner.Channels, SampleRate = inner.SampleRate });

    /// <summary>A new direction of arrival (degrees; see <see cref="ArrayShape"/>).</summary>
    public event Action<DoaEstimate>? DoaChanged;

    public int SampleRate => inner.SampleRate;

    public int Channels => 1;

    public DoaEstimate? LastDoa => frontEnd.LastDoa;

    /// <summary>Feeds <paramref name="reference"/> from a playback's played blocks (resampled to the mic rate if needed).</summary>
    public static IDisposable Connect(IPlaybackMonitor playback, EchoReference reference)
    {
        Resampler? resampler = null;
        var gate = new Lock();
        void OnBlock(PlayedBlock block)
        {
            lock (gate)
            {
                if (block.SampleRate == reference.SampleRate)
                {
                    reference.Played(block.Samples.Span, block.DacTimestamp);
                    return;
                }
                if (resampler is null || resampler.InputRate != block.SampleRate)
                {
                    resampler?.Dispose();
                    resampler = new Resampler(1, block.SampleRate, reference.SampleRate);
                }
                reference.Played(resampler.Process(block.Samples.Span), block.DacTimestamp);
            }
        }
        playback.BlockPlayed += OnBlock;
        return new Subscription(() =>
        {
            playback.BlockPlayed -= OnBlock;
            lock (gate)
            {
                resampler?.Dispose();
            }
        });
    }

    public async IAsyncEnumerable<AudioFrame> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var n = frontEnd.FrameSize;
        var channels = inner.Channels;
        var pending = new float[n * channels];
        var filled = 0;
        long pendingStart = 0;
        long position = 0;
        var far = new float[n];
        var frequency = TimeProvider.System.TimestampFrequency;
        await foreach (var frame in inner.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var offset = 0;
            while (offset < frame.Frames)
            {
                if (filled == 0)
                {
                    // ADC time of the first frame of the block being assembled.
                    pendingStart = frame.Timestamp + (long)((double)offset * frequency / SampleRate);
                }
                var take = Math.Min(n - filled, frame.Frames - offset);
                frame.Samples.AsSpan(offset * channels, take * channels).CopyTo(pending.AsSpan(filled * channels));
                filled += take;
                offset += take;
                if (filled < n)
                {
                    continue;
                }
                reference.Read(pendingStart, far);
                var output = new float[n];
                var result = frontEnd.Process(pending, far, output);
                if (result.DoaUpdated && result.Doa is { } doa)
                {
                    DoaChanged?.Invoke(doa);
                }
                yield return new AudioFrame(output, 1, SampleRate, position, pendingStart);
                position += n;
                filled = 0;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        frontEnd.Dispose();
        await inner.DisposeAsync().ConfigureAwait(false);
    }

    private sealed class Subscription(Action dispose) : IDisposable
    {
        public void Dispose() => dispose();
    }
}
