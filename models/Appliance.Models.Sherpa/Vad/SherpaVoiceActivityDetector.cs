using Appliance.Core.Speech;
using Appliance.Models.Sherpa.Models;
using Appliance.Models.Sherpa.Native;

namespace Appliance.Models.Sherpa.Vad;

/// <summary>
/// <see cref="IVoiceActivityDetector"/> on sherpa-onnx's silero VAD. Not thread-safe: one capture
/// thread feeds it.
/// </summary>
/// <remarks>
/// Samples reach the native detector one window per call: its AcceptWaveform makes a single
/// speech/non-speech decision per call (any window voiced = voiced), so a long chunk would blur every
/// boundary inside it into one decision. Only whole windows are fed (the remainder waits here), so the
/// native sample counter always equals what we fed. That lets us (a) place <see cref="SpeechStarted"/>
/// on the stream clock as soon as the model triggers, and (b) reset the
/// native detector while idle before its int32 sample counter could overflow (~37 h at 16 kHz)
/// without shifting the stream clock (the few samples the model still held are silence).
/// </remarks>
public sealed unsafe class SherpaVoiceActivityDetector : IVoiceActivityDetector
{
    // Reset the native counters while silent once they pass this many samples (1 h at 16 kHz).
    private const long RebaseAfterSamples = 16000L * 3600;

    private readonly VoiceActivityDetectorHandle handle;
    private readonly float[] pending;
    private readonly int window;
    private readonly int minSpeechSamples;
    private int pendingCount;
    private long nativeBase;     // stream index of the native detector's sample 0
    private long nativeFed;      // samples fed to the native detector since its last reset
    private long lastSegmentEnd;
    private bool inSpeech;

    public SherpaVoiceActivityDetector(SileroVadOptions? options = null)
    {
        Options = options ?? new SileroVadOptions();
        var model = Options.Validate();
        SherpaOnnxLibrary.Initialize();

        using var strings = new NativeStrings();
        var config = SherpaOnnxVadModelConfig.Default();
        config.silero_vad.model = strings.Add(model);
        config.silero_vad.threshold = Options.Threshold;
        config.silero_vad.min_silence_duration = Options.MinSilenceSeconds;
        config.silero_vad.min_speech_duration = Options.MinSpeechSeconds;
        config.silero_vad.max_speech_duration = Options.MaxSpeechSeconds;
        config.silero_vad.window_size = Options.WindowSize;
        config.sample_rate = Options.SampleRate;
        config.num_threads = Options.NumThreads;
        config.provider = strings.Add("cpu");
        var raw = SherpaOnnx.SherpaOnnxCreateVoiceActivityDetector(&config, Options.BufferSeconds);
        if (raw == IntPtr.Zero)
        {
            throw new SherpaModelException($"SherpaOnnxCreateVoiceActivityDetector returned NULL for silero_vad.model '{model}' (see the sherpa-onnx log above)");
        }
        handle = new VoiceActivityDetectorHandle(raw);
        window = Options.WindowSize;
        pending = new float[window];
        minSpeechSamples = (int)(Options.MinSpeechSeconds * Options.SampleRate);
    }

    public SileroVadOptions Options { get; }

    public int SampleRate => Options.SampleRate;

    /// <summary>Samples accepted since creation or <see cref="Reset"/>.</summary>
    public long Position => nativeBase + nativeFed + pendingCount;

    public void Accept(ReadOnlySpan<float> samples, ICollection<VadEvent> events)
    {
        ObjectDisposedException.ThrowIf(handle.IsClosed, this);
        while (!samples.IsEmpty)
        {
            if (pendingCount > 0 || samples.Length < window)
            {
                var take = Math.Min(window - pendingCount, samples.Length);
                samples[..take].CopyTo(pending.AsSpan(pendingCount));
                pendingCount += take;
                samples = samples[take..];
                if (pendingCount == window)
                {
                    Feed(pending, events);
                    pendingCount = 0;
                }
                continue;
            }
            Feed(samples[..window], events);
            samples = samples[window..];
        }
    }

    public void Flush(ICollection<VadEvent> events)
    {
        ObjectDisposedException.ThrowIf(handle.IsClosed, this);
        if (pendingCount > 0)
        {
            // The last partial window is zero-padded so the model sees it; the padding is silence
            // and cannot extend a segment past Flush's own cut at the end of the fed audio.
            pending.AsSpan(pendingCount).Clear();
            Feed(pending, events);
            pendingCount = 0;
        }
        SherpaOnnx.SherpaOnnxVoiceActivityDetectorFlush(handle);
        Drain(events);
        inSpeech = false;
    }

    public void Reset()
    {
        ObjectDisposedException.ThrowIf(handle.IsClosed, this);
        SherpaOnnx.SherpaOnnxVoiceActivityDetectorReset(handle);
        nativeBase = nativeFed = lastSegmentEnd = 0;
        pendingCount = 0;
        inSpeech = false;
    }

    public void Dispose() => handle.Dispose();

    /// <summary>Feeds exactly one window.</summary>
    private void Feed(ReadOnlySpan<float> samples, ICollection<VadEvent> events)
    {
        fixed (float* p = samples)
        {
            SherpaOnnx.SherpaOnnxVoiceActivityDetectorAcceptWaveform(handle, p, samples.Length);
        }
        nativeFed += samples.Length;
        var detected = SherpaOnnx.SherpaOnnxVoiceActivityDetectorDetected(handle) != 0;
        if (detected && !inSpeech)
        {
            // The model triggers once min_speech_duration of windows were voiced, so the first voiced
            // window began about min speech + two windows (the one just fed and the model's
            // lookahead) before the end of what we fed. Within a window of the true onset; the
            // segment reported later starts a little earlier (sherpa pads it by two windows).
            var start = nativeBase + nativeFed - 2L * window - minSpeechSamples;
            events.Add(new SpeechStarted(Math.Max(start, Math.Max(lastSegmentEnd, nativeBase))));
        }
        inSpeech = detected;
        Drain(events);
        if (!detected && nativeFed >= RebaseAfterSamples && SherpaOnnx.SherpaOnnxVoiceActivityDetectorEmpty(handle) != 0)
        {
            SherpaOnnx.SherpaOnnxVoiceActivityDetectorReset(handle);
            nativeBase += nativeFed;
            nativeFed = 0;
        }
    }

    private void Drain(ICollection<VadEvent> events)
    {
        while (SherpaOnnx.SherpaOnnxVoiceActivityDetectorEmpty(handle) == 0)
        {
            var segment = SherpaOnnx.SherpaOnnxVoiceActivityDetectorFront(handle);
            try
            {
                var samples = new ReadOnlySpan<float>(segment->samples, segment->n).ToArray();
                var start = nativeBase + segment->start;
                lastSegmentEnd = start + samples.Length;
                events.Add(new SpeechSegment(start, lastSegmentEnd, samples));
            }
            finally
            {
                SherpaOnnx.SherpaOnnxDestroySpeechSegment(segment);
                SherpaOnnx.SherpaOnnxVoiceActivityDetectorPop(handle);
            }
        }
    }
}
