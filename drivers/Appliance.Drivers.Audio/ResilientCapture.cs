using System.Diagnostics;
using System.Runtime.CompilerServices;
using Appliance.Core.Audio;

namespace Appliance.Drivers.Audio;

/// <summary>
/// Keeps capture alive across device loss: when the inner capture fails (USB array unplugged, read
/// error) the failure is counted and logged, and the device is reopened every
/// <see cref="RetryInterval"/> until it answers again; the consumer just sees a gap. Frame positions
/// continue across reopens. The opener decides what "reopen" means (for PortAudio: re-enumerate
/// devices, then open by configured name).
/// </summary>
public sealed class ResilientCapture(Func<IAudioCapture> open, int sampleRate, int channels, AudioCounters counters, Action<string>? log = null) : IAudioCapture
{
    public TimeSpan RetryInterval { get; init; } = TimeSpan.FromMilliseconds(200);

    public int SampleRate { get; } = sampleRate;

    public int Channels { get; } = channels;

    public AudioCounters Counters { get; } = counters;

    public async IAsyncEnumerable<AudioFrame> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        long offset = 0;
        long? lostAt = null;
        while (!cancellationToken.IsCancellationRequested)
        {
            IAudioCapture? capture = null;
            try
            {
                capture = open();
                if (capture.SampleRate != SampleRate || capture.Channels != Channels)
                {
                    throw new AudioDeviceException($"the device came back as {capture.Channels} ch at {capture.SampleRate} Hz; expected {Channels} ch at {SampleRate} Hz");
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                if (capture is not null)
                {
                    await capture.DisposeAsync().ConfigureAwait(false);
                }
                lostAt ??= Stopwatch.GetTimestamp();
                log?.Invoke($"audio: capture device unavailable ({e.Message}); retrying in {RetryInterval.TotalMilliseconds:0} ms");
                await Task.Delay(RetryInterval, cancellationToken).ConfigureAwait(false);
                continue;
            }
            if (lostAt is { } since)
            {
                Counters.Reopened();
                Counters.LastRecoveryMs = Stopwatch.GetElapsedTime(since).TotalMilliseconds;
                log?.Invoke($"audio: capture device reopened after {Counters.LastRecoveryMs:0} ms");
                lostAt = null;
            }
            var enumerator = capture.ReadAsync(cancellationToken).GetAsyncEnumerator(cancellationToken);
            long last = offset;
            try
            {
                while (true)
                {
                    AudioFrame frame;
                    try
                    {
                        if (!await enumerator.MoveNextAsync().ConfigureAwait(false))
                        {
                            break;
                        }
                        frame = enumerator.Current;
                    }
                    catch (Exception e) when (e is not OperationCanceledException)
                    {
                        Counters.DeviceLost(e.Message);
                        lostAt = Stopwatch.GetTimestamp();
                        log?.Invoke($"audio: capture lost ({e.Message}); reopening");
                        break;
                    }
                    last = offset + frame.FirstFrame + frame.Frames;
                    yield return frame with { FirstFrame = offset + frame.FirstFrame };
                }
            }
            finally
            {
                await enumerator.DisposeAsync().ConfigureAwait(false);
                await capture.DisposeAsync().ConfigureAwait(false);
            }
            offset = last;
            if (lostAt is null)
            {
                yield break; // the source ended normally (a file)
            }
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
