using System.Runtime.InteropServices;
using Appliance.Drivers.Dsp.Interop;

namespace Appliance.Drivers.Dsp;

/// <summary>
/// speexdsp's streaming resampler (interleaved float). Used where a device cannot run at the rate
/// of the audio (e.g. a 48 kHz-only DAC playing 22.05 kHz TTS, or a 48 kHz mic array feeding 16 kHz).
/// </summary>
public sealed unsafe class Resampler : IDisposable
{
    public Resampler(int channels, int inputRate, int outputRate, int quality = SpeexConstants.SPEEX_RESAMPLER_QUALITY_VOIP + 2)
    {
        if (channels is < 1 or > 32)
        {
            throw new ArgumentOutOfRangeException(nameof(channels), $"resampler channel count {channels} must be 1..32");
        }
        if (inputRate is < 1000 or > 384000 || outputRate is < 1000 or > 384000)
        {
            throw new ArgumentOutOfRangeException(nameof(inputRate), $"unsupported resampling {inputRate} Hz -> {outputRate} Hz (1 kHz..384 kHz)");
        }
        SpeexDsp.Initialize();
        int err;
        Handle = SpeexDspNative.speex_resampler_init((uint)channels, (uint)inputRate, (uint)outputRate, Math.Clamp(quality, 0, 10), &err);
        if (Handle.IsInvalid || err != SpeexConstants.RESAMPLER_ERR_SUCCESS)
        {
            var text = Marshal.PtrToStringUTF8((IntPtr)SpeexDspNative.speex_resampler_strerror(err));
            throw new InvalidOperationException($"speex_resampler_init({channels} ch, {inputRate} -> {outputRate} Hz) failed: {text}");
        }
        Channels = channels;
        InputRate = inputRate;
        OutputRate = outputRate;
    }

    public int Channels { get; }

    public int InputRate { get; }

    public int OutputRate { get; }

    internal ResamplerHandle Handle { get; }

    /// <summary>Resamples interleaved <paramref name="input"/>; returns the interleaved output produced so far.</summary>
    public float[] Process(ReadOnlySpan<float> input)
    {
        var inFrames = (uint)(input.Length / Channels);
        var output = new float[((long)inFrames * OutputRate / InputRate + 16) * Channels];
        var outFrames = (uint)(output.Length / Channels);
        fixed (float* i = input, o = output)
        {
            var err = SpeexDspNative.speex_resampler_process_interleaved_float(Handle, i, &inFrames, o, &outFrames);
            if (err != SpeexConstants.RESAMPLER_ERR_SUCCESS)
            {
                throw new InvalidOperationException($"speex_resampler_process_interleaved_float failed: {Marshal.PtrToStringUTF8((IntPtr)SpeexDspNative.speex_resampler_strerror(err))}");
            }
        }
        return output.AsSpan(0, (int)outFrames * Channels).ToArray();
    }

    /// <summary>Output samples of delay the filter adds (for aligning timestamps).</summary>
    public int OutputLatency => SpeexDspNative.speex_resampler_get_output_latency(Handle);

    public void Dispose() => Handle.Dispose();
}
