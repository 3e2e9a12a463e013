using System.Globalization;
using System.Threading.Channels;
using Appliance.Avatar.Sync;
using Appliance.Drivers.Audio;

namespace Appliance.Host.Runtime;

/// <summary>
/// `run --replay … --replay-out DIR`: records what the replay speaker played, as it is played, so a
/// measurement outside the process (`bench lipsync --live`) can compare the avatar page with the sound
/// the service actually produced. played.f32 holds the samples (float32 little-endian, mono, contiguous
/// stream frames); played.jsonl starts with {"rate":…} and then has one {"frame","n","ms"} line per
/// block: its first stream frame, length, and the avatar-clock time (the clock the kiosk page syncs to)
/// at which that frame left the speaker. Written incrementally (the service is stopped with SIGTERM).
/// </summary>
internal sealed class PlayedAudioLog : IAsyncDisposable
{
    private readonly Channel<PlayedBlock> _blocks = Channel.CreateUnbounded<PlayedBlock>(new UnboundedChannelOptions { SingleReader = true });
    private readonly IPlaybackMonitor _monitor;
    private readonly AvatarClock _clock;
    private readonly Task _writer;

    private PlayedAudioLog(IPlaybackMonitor monitor, AvatarClock clock, string directory, int sampleRate)
    {
        _monitor = monitor;
        _clock = clock;
        Directory.CreateDirectory(directory);
        var samples = new FileStream(Path.Combine(directory, "played.f32"), FileMode.Create, FileAccess.Write, FileShare.Read);
        var index = new StreamWriter(Path.Combine(directory, "played.jsonl"), append: false) { AutoFlush = false };
        index.WriteLine($"{{\"rate\":{sampleRate}}}");
        index.Flush();
        _monitor.BlockPlayed += OnBlock;
        _writer = Task.Run(() => WriteAsync(samples, index));
    }

    public static PlayedAudioLog Start(IPlaybackMonitor monitor, AvatarClock clock, string directory, int sampleRate) =>
        new(monitor, clock, directory, sampleRate);

    // Called under the playback's lock: only hand the block over.
    private void OnBlock(PlayedBlock block) => _blocks.Writer.TryWrite(block);

    private async Task WriteAsync(FileStream samples, StreamWriter index)
    {
        await using (samples.ConfigureAwait(false))
        await using (index.ConfigureAwait(false))
        {
            var bytes = new byte[4096 * sizeof(float)];
            while (await _blocks.Reader.WaitToReadAsync().ConfigureAwait(false))
            {
                while (_blocks.Reader.TryRead(out var block))
                {
                    var ms = _clock.ToMs(block.DacTimestamp).ToString("F3", CultureInfo.InvariantCulture);
                    await index.WriteLineAsync($"{{\"frame\":{block.FirstFrame},\"n\":{block.Samples.Length},\"ms\":{ms}}}").ConfigureAwait(false);
                    for (var i = 0; i < block.Samples.Length; i += 4096)
                    {
                        var part = block.Samples.Span.Slice(i, Math.Min(4096, block.Samples.Length - i));
                        System.Runtime.InteropServices.MemoryMarshal.AsBytes(part).CopyTo(bytes);
                        await samples.WriteAsync(bytes.AsMemory(0, part.Length * sizeof(float))).ConfigureAwait(false);
                    }
                }
                await samples.FlushAsync().ConfigureAwait(false);
                await index.FlushAsync().ConfigureAwait(false);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _monitor.BlockPlayed -= OnBlock;
        _blocks.Writer.TryComplete();
        await _writer.ConfigureAwait(false);
    }
}
