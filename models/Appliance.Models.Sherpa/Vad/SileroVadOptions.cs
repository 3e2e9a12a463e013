using Appliance.Core.Native;
using Appliance.Models.Sherpa.Models;

namespace Appliance.Models.Sherpa.Vad;

/// <summary>
/// Silero VAD endpointing. Defaults are sherpa-onnx's (c-api.cc), except where the kiosk needs
/// faster endpoints it is the caller's choice (the dialog latency budget lives in the host config).
/// </summary>
/// <param name="ModelPath">silero_vad.onnx; null = the bundled model (.cache/models/vad).</param>
/// <param name="Threshold">Speech probability above which a window is speech (0..1).</param>
/// <param name="MinSilenceSeconds">Silence needed to close a segment: the main endpoint delay.</param>
/// <param name="MinSpeechSeconds">Speech needed to open a segment (shorter blips are ignored).</param>
/// <param name="MaxSpeechSeconds">Past this the detector splits more eagerly (threshold 0.9, 0.1 s silence).</param>
/// <param name="WindowSize">Samples per model call: silero v4/v5 need 512 at 16 kHz.</param>
/// <param name="BufferSeconds">Native audio ring size; must hold the longest segment.</param>
public sealed record SileroVadOptions(
    string? ModelPath = null,
    float Threshold = 0.5f,
    float MinSilenceSeconds = 0.5f,
    float MinSpeechSeconds = 0.25f,
    float MaxSpeechSeconds = 20f,
    int WindowSize = 512,
    int SampleRate = 16000,
    int NumThreads = 1,
    float BufferSeconds = 60f)
{
    public const string BundledModel = "vad/silero_vad.onnx";

    /// <summary>Throws <see cref="SherpaModelException"/> naming the bad field; returns the model path.</summary>
    public string Validate()
    {
        if (Threshold is <= 0f or >= 1f)
        {
            throw new SherpaModelException($"silero_vad.threshold: {Threshold} is outside (0, 1)");
        }
        if (MinSilenceSeconds is <= 0f or > 10f)
        {
            throw new SherpaModelException($"silero_vad.min_silence_duration: {MinSilenceSeconds} s is outside (0, 10]");
        }
        if (MinSpeechSeconds is <= 0f or > 10f)
        {
            throw new SherpaModelException($"silero_vad.min_speech_duration: {MinSpeechSeconds} s is outside (0, 10]");
        }
        if (MaxSpeechSeconds <= MinSpeechSeconds)
        {
            throw new SherpaModelException($"silero_vad.max_speech_duration: {MaxSpeechSeconds} s must exceed min_speech_duration {MinSpeechSeconds} s");
        }
        if (SampleRate is not (16000 or 8000))
        {
            throw new SherpaModelException($"sample_rate: silero VAD runs at 16000 or 8000 Hz, not {SampleRate}");
        }
        var expectedWindow = SampleRate == 16000 ? 512 : 256;
        if (WindowSize != expectedWindow)
        {
            throw new SherpaModelException($"silero_vad.window_size: silero needs {expectedWindow} samples at {SampleRate} Hz, not {WindowSize}");
        }
        if (NumThreads is < 1 or > 64)
        {
            throw new SherpaModelException($"num_threads: {NumThreads} is outside 1..64");
        }
        if (BufferSeconds < MaxSpeechSeconds * 2)
        {
            throw new SherpaModelException($"buffer_size_in_seconds: {BufferSeconds} s cannot hold two max-length segments ({MaxSpeechSeconds} s each)");
        }
        var model = ModelPath ?? AppliancePaths.BundledModel(BundledModel)
            ?? throw new SherpaModelException($"silero_vad.model: the bundled {BundledModel} is not installed (run image/dev/setup)");
        return ModelFileCheck.RequireOnnx("silero_vad.model", model);
    }
}
