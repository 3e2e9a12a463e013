using Appliance.Drivers.Dsp.Interop;

namespace Appliance.Drivers.Dsp;

/// <summary>
/// speexdsp's MDF acoustic echo canceller for one mono mic signal. The far-end reference passed with
/// each block must already be aligned to the mic (see <see cref="DelayEstimator"/>): MDF only models
/// <see cref="FilterLength"/> samples of echo path after the reference sample.
/// </summary>
public sealed unsafe class EchoCanceller : IDisposable
{
    private readonly short[] mic;
    private readonly short[] reference;
    private readonly short[] output;

    public EchoCanceller(int frameSize, int filterLength, int sampleRate)
    {
        if (frameSize is < 32 or > 4096)
        {
            throw new ArgumentOutOfRangeException(nameof(frameSize), $"echo canceller frame size {frameSize} must be 32..4096 samples");
        }
        if (filterLength < frameSize)
        {
            throw new ArgumentOutOfRangeException(nameof(filterLength), $"echo tail {filterLength} must be at least one frame ({frameSize})");
        }
        SpeexDsp.Initialize();
        Handle = SpeexDspNative.speex_echo_state_init(frameSize, filterLength);
        if (Handle.IsInvalid)
        {
            throw new InvalidOperationException($"speex_echo_state_init(frame_size={frameSize}, filter_length={filterLength}) returned NULL");
        }
        var rate = sampleRate;
        SpeexDspNative.speex_echo_ctl(Handle, SpeexConstants.SPEEX_ECHO_SET_SAMPLING_RATE, &rate);
        FrameSize = frameSize;
        FilterLength = filterLength;
        mic = new short[frameSize];
        reference = new short[frameSize];
        output = new short[frameSize];
    }

    public int FrameSize { get; }

    public int FilterLength { get; }

    internal EchoStateHandle Handle { get; }

    /// <summary>Removes the echo of <paramref name="farEnd"/> from <paramref name="nearEnd"/>; all spans are one frame of floats in [-1, 1].</summary>
    public void Process(ReadOnlySpan<float> nearEnd, ReadOnlySpan<float> farEnd, Span<float> result)
    {
        if (nearEnd.Length != FrameSize || farEnd.Length != FrameSize || result.Length != FrameSize)
        {
            throw new ArgumentException($"echo canceller blocks must be exactly {FrameSize} samples");
        }
        Pcm16.FromFloat(nearEnd, mic);
        Pcm16.FromFloat(farEnd, reference);
        fixed (short* m = mic, r = reference, o = output)
        {
            SpeexDspNative.speex_echo_cancellation(Handle, m, r, o);
        }
        Pcm16.ToFloat(output, result);
    }

    public void Reset() => SpeexDspNative.speex_echo_state_reset(Handle);

    public void Dispose() => Handle.Dispose();
}
