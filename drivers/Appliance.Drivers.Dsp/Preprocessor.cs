using Appliance.Drivers.Dsp.Interop;

namespace Appliance.Drivers.Dsp;

/// <summary>What the speexdsp preprocessor does to the mic signal after echo cancellation.</summary>
/// <param name="Denoise">spectral noise suppression (hall noise)</param>
/// <param name="NoiseSuppressDb">maximum noise attenuation, negative dB</param>
/// <param name="Agc">automatic gain control towards <paramref name="AgcLevel"/></param>
/// <param name="AgcLevel">AGC target level on the 16-bit scale (speex default 8000)</param>
/// <param name="EchoSuppressDb">residual echo attenuation while the far end is silent, negative dB</param>
/// <param name="EchoSuppressActiveDb">residual echo attenuation while the near end talks too, negative dB</param>
public sealed record PreprocessorOptions(
    bool Denoise = true,
    int NoiseSuppressDb = -25,
    bool Agc = false,
    float AgcLevel = 8000f,
    int EchoSuppressDb = -45,
    int EchoSuppressActiveDb = -15);

/// <summary>
/// speexdsp preprocessor: denoise, AGC and — when linked to an <see cref="EchoCanceller"/> through
/// SPEEX_PREPROCESS_SET_ECHO_STATE — residual echo suppression, which is what takes speex's linear AEC
/// the last 10–20 dB.
/// </summary>
public sealed unsafe class Preprocessor : IDisposable
{
    private readonly short[] buffer;
    private readonly EchoCanceller? echo;
    private bool echoRefAdded;

    public Preprocessor(int frameSize, int sampleRate, PreprocessorOptions options, EchoCanceller? echo = null)
    {
        SpeexDsp.Initialize();
        Handle = SpeexDspNative.speex_preprocess_state_init(frameSize, sampleRate);
        if (Handle.IsInvalid)
        {
            throw new InvalidOperationException($"speex_preprocess_state_init(frame_size={frameSize}, sampling_rate={sampleRate}) returned NULL");
        }
        FrameSize = frameSize;
        buffer = new short[frameSize];
        SetInt(SpeexConstants.SPEEX_PREPROCESS_SET_DENOISE, options.Denoise ? 1 : 0);
        SetInt(SpeexConstants.SPEEX_PREPROCESS_SET_NOISE_SUPPRESS, options.NoiseSuppressDb);
        SetInt(SpeexConstants.SPEEX_PREPROCESS_SET_AGC, options.Agc ? 1 : 0);
        var level = options.AgcLevel;
        SpeexDspNative.speex_preprocess_ctl(Handle, SpeexConstants.SPEEX_PREPROCESS_SET_AGC_LEVEL, &level);
        if (echo is not null)
        {
            if (echo.FrameSize != frameSize)
            {
                throw new ArgumentException($"the echo canceller's frame size {echo.FrameSize} differs from the preprocessor's {frameSize}");
            }
            // The preprocessor keeps the raw echo state pointer: hold a reference so it cannot be freed first.
            echo.Handle.DangerousAddRef(ref echoRefAdded);
            this.echo = echo;
            var state = (void*)echo.Handle.DangerousGetHandle();
            SpeexDspNative.speex_preprocess_ctl(Handle, SpeexConstants.SPEEX_PREPROCESS_SET_ECHO_STATE, state);
            SetInt(SpeexConstants.SPEEX_PREPROCESS_SET_ECHO_SUPPRESS, options.EchoSuppressDb);
            SetInt(SpeexConstants.SPEEX_PREPROCESS_SET_ECHO_SUPPRESS_ACTIVE, options.EchoSuppressActiveDb);
        }
    }

    public int FrameSize { get; }

    internal PreprocessStateHandle Handle { get; }

    /// <summary>Processes one frame in place; returns speex's voice activity flag (meaningful only with VAD on).</summary>
    public bool Process(Span<float> frame)
    {
        if (frame.Length != FrameSize)
        {
            throw new ArgumentException($"preprocessor blocks must be exactly {FrameSize} samples");
        }
        Pcm16.FromFloat(frame, buffer);
        int vad;
        fixed (short* b = buffer)
        {
            vad = SpeexDspNative.speex_preprocess_run(Handle, b);
        }
        Pcm16.ToFloat(buffer, frame);
        return vad != 0;
    }

    private void SetInt(int request, int value) => SpeexDspNative.speex_preprocess_ctl(Handle, request, &value);

    public void Dispose()
    {
        Handle.Dispose();
        if (echoRefAdded)
        {
            echo!.Handle.DangerousRelease();
            echoRefAdded = false;
        }
    }
}
