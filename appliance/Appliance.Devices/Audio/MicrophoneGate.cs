using System.Runtime.CompilerServices;
using Appliance.Core.Audio;

namespace Appliance.Devices.Audio;

/// <summary>
/// Whether the conversation hears the microphone: closed while privacy-muted, and, once a push-to-talk
/// button is fitted, open only while it is held. Closed means the pipeline receives silence of the same
/// length (not nothing): the VAD then ends the utterance in progress as if the visitor stopped talking,
/// the heartbeat and timestamps keep running, and no turn starts from room noise.
/// </summary>
public sealed class MicrophoneGate
{
    private volatile bool _muted;
    private volatile bool _pushToTalkFitted;
    private volatile bool _held;

    public bool Muted
    {
        get => _muted;
        set => _muted = value;
    }

    public bool PushToTalkFitted
    {
        get => _pushToTalkFitted;
        set => _pushToTalkFitted = value;
    }

    public bool PushToTalkHeld
    {
        get => _held;
        set => _held = value;
    }

    public bool IsOpen => !_muted && (!_pushToTalkFitted || _held);

    /// <summary>The capture the conversation reads: <paramref name="inner"/>'s blocks, zeroed while closed.</summary>
    public IAudioCapture Wrap(IAudioCapture inner) => new GatedCapture(inner, this);

    private sealed class GatedCapture(IAudioCapture inner, MicrophoneGate gate) : IAudioCapture
    {
        public int SampleRate => inner.SampleRate;

        public int Channels => inner.Channels;

        public async IAsyncEnumerable<AudioFrame> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            await foreach (var frame in inner.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                yield return gate.IsOpen ? frame : frame with { Samples = new float[frame.Samples.Length] };
            }
        }

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
