using System.Runtime.CompilerServices;
using Appliance.Core.Audio;

namespace Appliance.Drivers.Audio.Tests;

/// <summary>Test double: a capture that delivers some blocks and then fails like an unplugged USB array.</summary>
internal sealed class FailingCapture(int channels, int blocksBeforeFailure) : IAudioCapture
{
    public int SampleRate => 16000;

    public int Channels => channels;

    public bool Disposed { get; private set; }

    public async IAsyncEnumerable<AudioFrame> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        for (var b = 0; b < blocksBeforeFailure; b++)
        {
            await Task.Yield();
            yield return new AudioFrame(new float[256 * channels], channels, 16000, b * 256L, 0);
        }
        throw new AudioDeviceLostException("capture from fake failed: Unanticipated host error", -9999);
    }

    public ValueTask DisposeAsync()
    {
        Disposed = true;
        return ValueTask.CompletedTask;
    }
}
