namespace Appliance.Drivers.Dsp.Interop;

/// <summary>Request codes of speex_echo_ctl / speex_preprocess_ctl, with their C names (checked against the header by a test).</summary>
internal static class SpeexConstants
{
    public const int SPEEX_ECHO_GET_FRAME_SIZE = 3;
    public const int SPEEX_ECHO_SET_SAMPLING_RATE = 24;
    public const int SPEEX_ECHO_GET_SAMPLING_RATE = 25;
    public const int SPEEX_PREPROCESS_SET_DENOISE = 0;
    public const int SPEEX_PREPROCESS_SET_AGC = 2;
    public const int SPEEX_PREPROCESS_SET_AGC_LEVEL = 6;
    public const int SPEEX_PREPROCESS_SET_NOISE_SUPPRESS = 18;
    public const int SPEEX_PREPROCESS_SET_ECHO_SUPPRESS = 20;
    public const int SPEEX_PREPROCESS_SET_ECHO_SUPPRESS_ACTIVE = 22;
    public const int SPEEX_PREPROCESS_SET_ECHO_STATE = 24;
    public const int SPEEX_PREPROCESS_SET_AGC_MAX_GAIN = 30;
    public const int SPEEX_RESAMPLER_QUALITY_MAX = 10;
    public const int SPEEX_RESAMPLER_QUALITY_MIN = 0;
    public const int SPEEX_RESAMPLER_QUALITY_VOIP = 3;
    public const int RESAMPLER_ERR_SUCCESS = 0;
}
