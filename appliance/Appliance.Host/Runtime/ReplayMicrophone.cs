using System.Runtime.CompilerServices;
using Appliance.Core.Audio;

namespace Appliance.Host.Runtime;

/// <summary>
/// `run --replay`: a microphone that speaks the given recordings once (each after a lead-in of silence
/// and followed by enough silence for the reply) and then stays silent for ever, paced in real time
/// against the monotonic clock — so the service behaves as on a kiosk with nobody talking afterwards.
/// The position survives re-enumeration, so a pipeline restart does not replay from the start.
/// </summary>
internal sealed class ReplayMicrophone(IReadOnlyList<float[]> recordings, TimeProvider clock, TimeSpan gap) : IAudioCapture
{
    private const int Rate = 16000;
    private const int Block = 320; // 20 ms
    private readonly float[] _script = Build(recordings, gap);
    private long _position;

    public int SampleRate => Rate;

    public int Channels => 1;

    public static ReplayMicrophone Open(IEnumerable<string> paths, TimeProvider clock, TimeSpan gap) =>
        new(paths.Select(p => WavFile.ReadMono(p, Rate)).ToList(), clock, gap);

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
                await Task.Delay(wait, clock, cancellationToken).ConfigureAwait(false);
            }
            var block = new float[Block];
            if (_position < _script.Length)
            {
                var n = (int)Math.Min(Block, _script.Length - _position);
                Array.Copy(_script, _position, block, 0, n);
            }
            var frame = new AudioFrame(block, 1, Rate, _position, clock.GetTimestamp() - (long)(Block / (double)Rate * clock.TimestampFrequency));
            _position += Block;
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
