using System.Runtime.CompilerServices;
using Appliance.Core.Audio;

namespace Appliance.Drivers.Audio;

/// <summary>
/// `run --replay`: a microphone that speaks the given recordings once (each after a lead-in of silence
/// and followed by enough silence for the reply) and then stays silent for ever, paced in real time
/// against the monotonic clock — so the service behaves as on a kiosk with nobody talking afterwards.
/// The position survives re-enumeration, so a pipeline restart does not replay from the start.
/// Like PortAudioCapture, it holds at most 2 s of blocks for a reader that falls behind: older ones are
/// lost and counted as dropped blocks, so the audio-path counters mean the same in replay as live.
/// </summary>
public sealed class ReplayMicrophone(IReadOnlyList<float[]> recordings, TimeProvider clock, TimeSpan gap, bool blocking, AudioCounters counters) : IAudioCapture
{
    private const int Rate = 16000;
    private const int Block = 320; // 20 ms
    private const int QueueBlocks = 2 * Rate / Block; // PortAudioCapture's queue: ~2 s
    private readonly float[] _script = Build(recordings, gap);
    private long _position;

    public int SampleRate => Rate;

    public int Channels => 1;

    /// <param name="blocking">Wait for each block on the reading thread (read from AudioLoopThread) instead of with Task.Delay.</param>
    public static ReplayMicrophone Open(IEnumerable<string> paths, TimeProvider clock, TimeSpan gap, bool blocking, AudioCounters counters) =>
        new(paths.Select(p => WavFile.ReadMono(p, Rate)).ToList(), clock, gap, blocking, counters);

    public async IAsyncEnumerable<AudioFrame> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var start = clock.GetTimestamp();
        var startPosition = _position;
        while (!cancellationToken.IsCancellationRequested)
        {
            var due = TimeSpan.FromSeconds((double)(_position - startPosition + Block) / Rate);
            var wait = due - clock.GetElapsedTime(start);
            if (wait > TimeSpan.Zero)
            {
                if (blocking)
                {
                    // Like a device read on the audio loop thread (BlockingCapture): pacing never waits for a
                    // timer callback queued in the thread pool.
                    cancellationToken.WaitHandle.WaitOne(wait);
                    cancellationToken.ThrowIfCancellationRequested();
                }
                else
                {
                    await Task.Delay(wait, clock, cancellationToken).ConfigureAwait(false);
                }
            }
            else
            {
                // This block and every one completed since are waiting; what the device queue cannot hold
                // is gone (captured, then dropped: the oldest first), as on a sound card.
                var waiting = 1 + (long)(-wait.TotalSeconds * Rate) / Block;
                for (var lost = waiting - QueueBlocks; lost > 0; lost--)
                {
                    counters.Captured(Block);
                    counters.Dropped();
                    _position += Block;
                }
            }
            var block = new float[Block];
            if (_position < _script.Length)
            {
                var n = (int)Math.Min(Block, _script.Length - _position);
                Array.Copy(_script, _position, block, 0, n);
            }
            // Stamped when its first sample would have reached a real ADC (the schedule, not the moment the
            // loop asked): a loop that falls behind shows up as lateness, as it would live.
            var capturedAt = start + (long)((double)(_position - startPosition) / Rate * clock.TimestampFrequency);
            var frame = new AudioFrame(block, 1, Rate, _position, capturedAt);
            _position += Block;
            counters.Captured(Block);
            yield return frame;
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static float[] Build(IReadOnlyList<float[]> recordings, TimeSpan gap)
    {
        var lead = Rate / 2;
        var pause = (int)(gap.TotalSeconds * Rate);
        var script = new float[lead + recordings.Sum(r => r.Length + pause)];
        var at = lead;
        foreach (var r in recordings)
        {
            r.CopyTo(script, at);
            at += r.Length + pause;
        }
        return script;
    }
}
