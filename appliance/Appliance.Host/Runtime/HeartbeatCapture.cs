using System.Runtime.CompilerServices;
using Appliance.Core.Audio;

namespace Appliance.Host.Runtime;

/// <summary>Counts every block the conversation loop pulls: the watchdog's heartbeat and the "audio open" signal.</summary>
internal sealed class HeartbeatCapture(IAudioCapture inner, Action<AudioFrame> onBlock) : IAudioCapture
{
    public int SampleRate => inner.SampleRate;

    public int Channels => inner.Channels;

    public async IAsyncEnumerable<AudioFrame> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var frame in inner.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            onBlock(frame);
            yield return frame;
        }
    }

    public ValueTask DisposeAsync() => inner.DisposeAsync();
}
