using System.Runtime.InteropServices;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Appliance.Core.Audio;
using Appliance.Drivers.Audio.Interop;

namespace Appliance.Drivers.Audio;

/// <summary>
/// An N-channel capture stream through PortAudio's blocking API, read on a dedicated thread (never
/// the thread pool) into a bounded queue. Each block carries its ADC time on the monotonic clock,
/// estimated as "now − frames still buffered − the stream's input latency" right after the read.
/// A failing read ends the stream with <see cref="AudioDeviceLostException"/>; overflows are counted.
/// </summary>
public sealed unsafe class PortAudioCapture : IAudioCapture
{
    private readonly PortAudioRuntime runtime;
    private readonly PaStreamHandle stream;
    private readonly Channel<AudioFrame> queue;
    private readonly Thread thread;
    private readonly TimeProvider clock;
    private readonly AudioCounters counters;
    private readonly double inputLatency;
    private readonly bool backpressure;
    private volatile bool stopping;
    private int started;

    private PortAudioCapture(PortAudioRuntime runtime, AudioDevice device, PaStreamHandle stream, PaStreamInfo info, int channels, int sampleRate, int blockFrames, AudioCounters counters, TimeProvider clock, bool backpressure)
    {
        this.backpressure = backpressure;
        this.runtime = runtime;
        this.stream = stream;
        this.counters = counters;
        this.clock = clock;
        Device = device;
        Channels = channels;
        SampleRate = sampleRate;
        BlockFrames = blockFrames;
        inputLatency = info.inputLatency;
        // ~2 s of blocks: a consumer stalled longer than that loses the oldest audio, not the newest.
        queue = Channel.CreateBounded<AudioFrame>(new BoundedChannelOptions(Math.Max(8, 2 * sampleRate / blockFrames))
        {
            FullMode = backpressure ? BoundedChannelFullMode.Wait : BoundedChannelFullMode.DropOldest,
            SingleReader = true,
            SingleWriter = true,
        }, _ => counters.Dropped());
        thread = new Thread(Run) { IsBackground = true, Name = $"capture {device.Name}", Priority = ThreadPriority.AboveNormal };
    }

    public AudioDevice Device { get; }

    public int SampleRate { get; }

    public int Channels { get; }

    public int BlockFrames { get; }

    /// <summary>
    /// Opens <paramref name="deviceName"/> (name, index or null for the default) for capture. With
    /// <paramref name="backpressure"/> the reader waits for the consumer instead of dropping the oldest
    /// blocks: for sources faster than real time (file PCMs, recording to disk), never for a live mic.
    /// </summary>
    public static PortAudioCapture Open(PortAudioRuntime runtime, string? deviceName, int channels, int sampleRate = 16000, int blockFrames = 256, AudioCounters? counters = null, TimeProvider? clock = null, bool backpressure = false)
    {
        if (sampleRate is not (8000 or 16000 or 22050 or 24000 or 32000 or 44100 or 48000))
        {
            throw new AudioDeviceException($"unsupported capture sample rate {sampleRate} Hz (use 16000; 8000/22050/24000/32000/44100/48000 also work)");
        }
        if (channels is < 1 or > 32)
        {
            throw new AudioDeviceException($"unsupported capture channel count {channels} (1..32; mic arrays use 2, 4, 6 or 8)");
        }
        var device = runtime.FindDevice(deviceName, AudioDirection.Capture);
        var handle = runtime.Open(device, AudioDirection.Capture, channels, sampleRate, blockFrames, out var info);
        var err = PortAudioNative.Pa_StartStream(handle);
        if (err != PortAudioNative.paNoError)
        {
            runtime.Closed(handle);
            throw new AudioDeviceException($"cannot start capture on {device.Name}: {PortAudioNative.ErrorText(err)}", err);
        }
        return new PortAudioCapture(runtime, device, handle, info, channels, sampleRate, blockFrames, counters ?? new AudioCounters(), clock ?? TimeProvider.System, backpressure);
    }

    public async IAsyncEnumerable<AudioFrame> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref started, 1) == 0)
        {
            thread.Start();
        }
        while (await queue.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
        {
            while (queue.Reader.TryRead(out var frame))
            {
                yield return frame;
            }
        }
    }

    private void Run()
    {
        long position = 0;
        var frequency = clock.TimestampFrequency;
        try
        {
            while (!stopping)
            {
                var block = new float[BlockFrames * Channels];
                int err;
                fixed (float* b = block)
                {
                    err = PortAudioNative.Pa_ReadStream(stream, b, new CULong((nuint)BlockFrames));
                }
                if (stopping)
                {
                    break;
                }
                if (err == PortAudioNative.paInputOverflowed)
                {
                    counters.Overrun(); // the block is still valid; some earlier audio was lost
                }
                else if (err != PortAudioNative.paNoError)
                {
                    throw new AudioDeviceLostException($"capture from {Device.Name} failed: {PortAudioNative.ErrorText(err)}", err);
                }
                var now = clock.GetTimestamp();
                var buffered = Math.Max(0, (long)PortAudioNative.Pa_GetStreamReadAvailable(stream).Value);
                var age = (double)(buffered + BlockFrames) / SampleRate + inputLatency;
                var adc = now - (long)(age * frequency);
                counters.Captured(BlockFrames);
                var frame = new AudioFrame(block, Channels, SampleRate, position, adc);
                while (!queue.Writer.TryWrite(frame) && !stopping)
                {
                    // Only with backpressure: wait (on this dedicated thread) until the consumer makes room.
                    queue.Writer.WaitToWriteAsync().AsTask().Wait(100);
                }
                position += BlockFrames;
            }
            queue.Writer.TryComplete();
        }
        catch (Exception e) when (!stopping)
        {
            queue.Writer.TryComplete(e);
        }
        catch (Exception)
        {
            queue.Writer.TryComplete();
        }
    }

    public ValueTask DisposeAsync()
    {
        stopping = true;
        if (started == 1)
        {
            // On a live device the pending read returns within one block and the thread sees `stopping`;
            // only a stalled device needs Pa_AbortStream to unblock it before the stream can close.
            if (!thread.Join(TimeSpan.FromMilliseconds(250)))
            {
                PortAudioNative.Pa_AbortStream(stream);
                thread.Join(TimeSpan.FromSeconds(2));
            }
        }
        runtime.Closed(stream);
        queue.Writer.TryComplete();
        return ValueTask.CompletedTask;
    }
}
