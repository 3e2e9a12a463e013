using System.Runtime.CompilerServices;
using Appliance.Core.Audio;
using Appliance.Core.Timing;

namespace Appliance.Pipeline.Replay;

/// <summary>
/// A microphone that speaks a script (recordings, silences, waits) in 20 ms blocks stamped with the
/// capture clock, paced like a live device. Records where every recording landed, so latencies can be
/// measured from the recording's own ground truth.
/// </summary>
public sealed class ScriptedCapture(IEnumerable<CaptureStep> script, TimeProvider clock, IFramePacer pacer, int sampleRate = 16000, int blockFrames = 320) : IAudioCapture
{
    private readonly List<ScriptedUtterance> _utterances = [];
    private readonly List<float> _recorded = [];

    public int SampleRate => sampleRate;

    public int Channels => 1;

    /// <summary>Monotonic time of stream frame 0.</summary>
    public long StartTimestamp { get; private set; }

    public IReadOnlyList<ScriptedUtterance> Utterances
    {
        get
        {
            lock (_utterances)
            {
                return [.. _utterances];
            }
        }
    }

    /// <summary>Everything the microphone delivered (for the session recording).</summary>
    public float[] Recorded()
    {
        lock (_recorded)
        {
            return [.. _recorded];
        }
    }

    public async IAsyncEnumerable<AudioFrame> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        StartTimestamp = clock.GetTimestamp();
        long frame = 0;
        var silence = new float[blockFrames];
        foreach (var step in script)
        {
            switch (step)
            {
                case PlayStep play:
                    var (first, last) = VoicedRegion.Find(play.Samples, sampleRate);
                    lock (_utterances)
                    {
                        _utterances.Add(new ScriptedUtterance(play.Name, frame, frame + first, frame + last, TimeOf(frame + first), TimeOf(frame + last)));
                    }
                    for (var i = 0; i < play.Samples.Length; i += blockFrames)
                    {
                        var block = new float[blockFrames];
                        Array.Copy(play.Samples, i, block, 0, Math.Min(blockFrames, play.Samples.Length - i));
                        yield return await Deliver(block, frame, cancellationToken).ConfigureAwait(false);
                        frame += blockFrames;
                    }
                    break;
                case SilenceStep pause:
                    var blocks = (long)Math.Ceiling(pause.Duration.TotalSeconds * sampleRate / blockFrames);
                    for (var b = 0; b < blocks; b++)
                    {
                        yield return await Deliver(silence, frame, cancellationToken).ConfigureAwait(false);
                        frame += blockFrames;
                    }
                    break;
                case WaitStep wait:
                    var limit = frame + (long)(wait.Timeout.TotalSeconds * sampleRate);
                    var realDeadline = DateTime.UtcNow + wait.Timeout + TimeSpan.FromSeconds(30);
                    while (!wait.Condition() && frame < limit)
                    {
                        if (wait.EmitSilence)
                        {
                            yield return await Deliver(silence, frame, cancellationToken).ConfigureAwait(false);
                            frame += blockFrames;
                        }
                        else if (DateTime.UtcNow > realDeadline)
                        {
                            throw new TimeoutException($"scripted capture: condition not met within {wait.Timeout} (frozen clock)");
                        }
                        else
                        {
                            await Task.Delay(1, cancellationToken).ConfigureAwait(false);
                        }
                    }
                    break;
            }
        }
    }

    private async ValueTask<AudioFrame> Deliver(float[] block, long frame, CancellationToken ct)
    {
        // A block is delivered once its last sample has been captured; its timestamp is its first sample's.
        await pacer.WaitUntilAsync(TimeOf(frame + block.Length), ct).ConfigureAwait(false);
        lock (_recorded)
        {
            _recorded.AddRange(block);
        }
        return new AudioFrame(block, 1, sampleRate, frame, TimeOf(frame));
    }

    public long TimeOf(long frame) => clock.AddSamples(StartTimestamp, frame, sampleRate);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
