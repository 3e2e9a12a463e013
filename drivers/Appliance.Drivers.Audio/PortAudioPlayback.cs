using System.Runtime.InteropServices;
using System.Collections.Concurrent;
using Appliance.Core.Audio;
using Appliance.Drivers.Audio.Interop;
using Appliance.Drivers.Dsp;

namespace Appliance.Drivers.Audio;

/// <summary>
/// Mono playback through PortAudio's blocking API on a dedicated writer thread. Audio is written in
/// 10 ms blocks so a barge-in <see cref="Flush"/> takes effect within one block plus the device buffer.
/// When the device cannot run at the audio's rate, the speexdsp resampler converts to the device's
/// default rate; mono is copied to every device channel. Every written block is reported through
/// <see cref="BlockPlayed"/> with the time it reaches the DAC (write time + what is still queued in
/// the device). The stream is stopped while idle, so an idle speaker is not an underrun.
/// </summary>
public sealed unsafe class PortAudioPlayback : IAudioPlayback, IPlaybackMonitor
{
    private readonly PortAudioRuntime runtime;
    private readonly PaStreamHandle stream;
    private readonly AudioCounters counters;
    private readonly TimeProvider clock;
    private readonly Resampler? resampler;
    private readonly int deviceRate;
    private readonly int blockFrames;
    private readonly double outputLatency;
    private readonly ConcurrentQueue<float[]> pending = new();
    private readonly SemaphoreSlim available = new(0);
    private readonly Thread thread;
    private readonly Lock gate = new();
    private TaskCompletionSource drained = NewDrained(completed: true);
    private long queuedFrames;
    private long playedFrames;
    private long lastPlayedTimestamp;
    private long flushGeneration;
    private volatile bool stopping;
    private bool running;

    private PortAudioPlayback(PortAudioRuntime runtime, AudioDevice device, PaStreamHandle stream, PaStreamInfo info, int sampleRate, int deviceRate, int deviceChannels, AudioCounters counters, TimeProvider clock)
    {
        this.runtime = runtime;
        this.stream = stream;
        this.counters = counters;
        this.clock = clock;
        this.deviceRate = deviceRate;
        Device = device;
        SampleRate = sampleRate;
        DeviceChannels = deviceChannels;
        outputLatency = info.outputLatency;
        blockFrames = sampleRate / 100;
        resampler = deviceRate == sampleRate ? null : new Resampler(1, sampleRate, deviceRate);
        thread = new Thread(Run) { IsBackground = true, Name = $"playback {device.Name}", Priority = ThreadPriority.AboveNormal };
        thread.Start();
    }

    public event Action<PlayedBlock>? BlockPlayed;

    public AudioDevice Device { get; }

    public int SampleRate { get; }

    /// <summary>The stream is mono: <see cref="WriteAsync"/> takes mono samples.</summary>
    public int Channels => 1;

    public int DeviceChannels { get; }

    public AudioCounters Counters => counters;

    public static PortAudioPlayback Open(PortAudioRuntime runtime, string? deviceName, int sampleRate, int channels = 1, AudioCounters? counters = null, TimeProvider? clock = null)
    {
        if (sampleRate is < 8000 or > 48000)
        {
            throw new AudioDeviceException($"unsupported playback sample rate {sampleRate} Hz (8000..48000)");
        }
        if (channels is not (1 or 2))
        {
            throw new AudioDeviceException($"unsupported playback channel count {channels}: mono or stereo");
        }
        var device = runtime.FindDevice(deviceName, AudioDirection.Playback);
        var rate = runtime.Supports(device, AudioDirection.Playback, channels, sampleRate) ? sampleRate : (int)device.DefaultSampleRate;
        var handle = runtime.Open(device, AudioDirection.Playback, channels, rate, rate / 100, out var info);
        return new PortAudioPlayback(runtime, device, handle, info, sampleRate, rate, channels, counters ?? new AudioCounters(), clock ?? TimeProvider.System);
    }

    public ValueTask<long> WriteAsync(ReadOnlyMemory<float> samples, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        long first;
        lock (gate)
        {
            first = queuedFrames;
            queuedFrames += samples.Length;
            if (drained.Task.IsCompleted)
            {
                drained = NewDrained(completed: false);
            }
            for (var i = 0; i < samples.Length; i += blockFrames)
            {
                pending.Enqueue(samples.Slice(i, Math.Min(blockFrames, samples.Length - i)).ToArray());
                available.Release();
            }
        }
        return ValueTask.FromResult(first);
    }

    public long Flush()
    {
        lock (gate)
        {
            flushGeneration++;
            while (pending.TryDequeue(out var dropped))
            {
                queuedFrames -= dropped.Length;
            }
            // The counted semaphore may still hold releases for dropped blocks; the writer skips empty dequeues.
            queuedFrames = Math.Max(queuedFrames, Interlocked.Read(ref playedFrames));
            return Interlocked.Read(ref playedFrames);
        }
    }

    public PlaybackPosition Position
    {
        get
        {
            var now = clock.GetTimestamp();
            // Frames written but still in the device buffer are not played yet.
            var inDevice = (long)(outputLatency * SampleRate);
            var written = Interlocked.Read(ref playedFrames);
            var played = running ? Math.Max(0, written - inDevice) : written;
            return new PlaybackPosition(played, running ? now : Interlocked.Read(ref lastPlayedTimestamp));
        }
    }

    public Task DrainAsync(CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            return drained.Task.WaitAsync(cancellationToken);
        }
    }

    private void Run()
    {
        var frequency = clock.TimestampFrequency;
        long nextDac = 0;
        try
        {
            while (!stopping)
            {
                if (!available.Wait(running ? 50 : 200))
                {
                    if (running && pending.IsEmpty)
                    {
                        Stop();
                    }
                    continue;
                }
                if (!pending.TryDequeue(out var block))
                {
                    continue;
                }
                if (!running)
                {
                    var err = PortAudioNative.Pa_StartStream(stream);
                    if (err != PortAudioNative.paNoError)
                    {
                        counters.DeviceLost($"cannot start playback on {Device.Name}: {PortAudioNative.ErrorText(err)}");
                        Interlocked.Add(ref playedFrames, block.Length); // keep positions moving; the audio is lost
                        continue;
                    }
                    running = true;
                }
                var device = resampler is null ? block : resampler.Process(block);
                var frames = device.Length;
                var interleaved = DeviceChannels == 1 ? device : Interleave(device);
                int result;
                fixed (float* p = interleaved)
                {
                    result = PortAudioNative.Pa_WriteStream(stream, p, new CULong((nuint)frames));
                }
                if (result == PortAudioNative.paOutputUnderflowed)
                {
                    counters.Underrun();
                }
                else if (result != PortAudioNative.paNoError)
                {
                    counters.DeviceLost($"playback on {Device.Name} failed: {PortAudioNative.ErrorText(result)}");
                }
                var now = clock.GetTimestamp();
                // Pa_WriteStream returned once the block fitted: it sits at the end of the device buffer.
                var dac = now + (long)((outputLatency - (double)frames / deviceRate) * frequency);
                // A block cannot start before the previous one has finished playing.
                dac = Math.Max(dac, nextDac);
                nextDac = dac + (long)((double)frames / deviceRate * frequency);
                var first = Interlocked.Add(ref playedFrames, block.Length) - block.Length;
                counters.Played(block.Length);
                Interlocked.Exchange(ref lastPlayedTimestamp, dac);
                BlockPlayed?.Invoke(new PlayedBlock(first, block, SampleRate, dac));
            }
        }
        finally
        {
            Stop();
        }
    }

    private void Stop()
    {
        if (running)
        {
            // Blocks until what is in the device buffer has been heard: then "drained" is true.
            PortAudioNative.Pa_StopStream(stream);
            running = false;
            Interlocked.Exchange(ref lastPlayedTimestamp, clock.GetTimestamp());
        }
        lock (gate)
        {
            if (pending.IsEmpty)
            {
                drained.TrySetResult();
            }
        }
    }

    private float[] Interleave(float[] mono)
    {
        var result = new float[mono.Length * DeviceChannels];
        for (var i = 0; i < mono.Length; i++)
        {
            for (var c = 0; c < DeviceChannels; c++)
            {
                result[i * DeviceChannels + c] = mono[i];
            }
        }
        return result;
    }

    private static TaskCompletionSource NewDrained(bool completed)
    {
        var tcs = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (completed)
        {
            tcs.SetResult();
        }
        return tcs;
    }

    public ValueTask DisposeAsync()
    {
        stopping = true;
        available.Release();
        thread.Join(TimeSpan.FromSeconds(5));
        resampler?.Dispose();
        runtime.Closed(stream);
        return ValueTask.CompletedTask;
    }
}
