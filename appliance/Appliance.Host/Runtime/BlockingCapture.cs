using System.Runtime.CompilerServices;
using Appliance.Core.Audio;

namespace Appliance.Host.Runtime;

/// <summary>
/// The capture as the audio loop thread reads it: each block is waited for on the calling thread
/// (blocking, like a device read), so every MoveNextAsync the conversation loop awaits has already
/// completed and its body keeps running on <see cref="AudioLoopThread"/>. Only for a dedicated thread.
/// </summary>
internal sealed class BlockingCapture(IAudioCapture inner) : IAudioCapture
{
    public int SampleRate => inner.SampleRate;

    public int Channels => inner.Channels;

    public async IAsyncEnumerable<AudioFrame> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var blocks = inner.ReadAsync(cancellationToken).GetAsyncEnumerator(cancellationToken);
        try
        {
            while (true)
            {
                var next = blocks.MoveNextAsync();
                var more = next.IsCompleted ? next.GetAwaiter().GetResult() : next.AsTask().GetAwaiter().GetResult();
                if (!more)
                {
                    yield break;
                }
                yield return blocks.Current;
            }
        }
        finally
        {
            await blocks.DisposeAsync();
        }
    }

    public ValueTask DisposeAsync() => inner.DisposeAsync();
}
