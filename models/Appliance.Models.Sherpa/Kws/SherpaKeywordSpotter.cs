using Appliance.Core.Speech;
using Appliance.Models.Sherpa.Asr;
using Appliance.Models.Sherpa.Models;
using Appliance.Models.Sherpa.Native;

namespace Appliance.Models.Sherpa.Kws;

/// <summary>
/// <see cref="IWakeWordDetector"/> on sherpa-onnx's keyword spotter (a streaming transducer plus a
/// keywords file). The C API reports which keyword fired but no score, so detections carry 1.
/// </summary>
public sealed unsafe class SherpaKeywordSpotter : IWakeWordDetector
{
    private const int SampleRate = 16000;

    private readonly KeywordSpotterHandle handle;
    private readonly OnlineStreamHandle stream;
    private long position;

    /// <param name="keywordsFile">keywords.txt; null = the one in the model folder.</param>
    public SherpaKeywordSpotter(SherpaModelFolder model, string? keywordsFile = null, float threshold = 0.25f, int numThreads = 1)
    {
        if (threshold is <= 0 or >= 1)
        {
            throw new SherpaModelException($"keywords_threshold: {threshold} is outside (0, 1)");
        }
        keywordsFile ??= Path.Combine(model.Directory, "keywords.txt");
        SherpaOnnxLibrary.Initialize();
        using var strings = new NativeStrings();
        var config = SherpaOnnxKeywordSpotterConfig.Default();
        config.model_config = OnlineConfigBuilder.ModelConfig(model, numThreads, strings);
        Keywords = KeywordsFile.Read("keywords_file", keywordsFile, model.File("tokens")!);
        config.keywords_file = strings.Add(Path.GetFullPath(keywordsFile));
        config.keywords_threshold = threshold;
        var raw = SherpaOnnx.SherpaOnnxCreateKeywordSpotter(&config);
        if (raw == IntPtr.Zero)
        {
            throw new SherpaModelException($"SherpaOnnxCreateKeywordSpotter returned NULL for '{model.Directory}' with keywords_file '{keywordsFile}'");
        }
        handle = new KeywordSpotterHandle(raw);
        stream = new OnlineStreamHandle(SherpaOnnx.SherpaOnnxCreateKeywordStream(handle));
        if (stream.IsInvalid)
        {
            handle.Dispose();
            throw new SherpaModelException("SherpaOnnxCreateKeywordStream returned NULL");
        }
    }

    public IReadOnlyList<string> Keywords { get; }

    public void Accept(ReadOnlySpan<float> samples, ICollection<WakeWordDetection> detections)
    {
        ObjectDisposedException.ThrowIf(handle.IsClosed, this);
        fixed (float* p = samples)
        {
            SherpaOnnx.SherpaOnnxOnlineStreamAcceptWaveform(stream, SampleRate, p, samples.Length);
        }
        position += samples.Length;
        while (SherpaOnnx.SherpaOnnxIsKeywordStreamReady(handle, stream) != 0)
        {
            SherpaOnnx.SherpaOnnxDecodeKeywordStream(handle, stream);
            var result = SherpaOnnx.SherpaOnnxGetKeywordResult(handle, stream);
            if (result is null)
            {
                continue;
            }
            try
            {
                var keyword = NativeStrings.Read(result->keyword);
                if (keyword.Length > 0)
                {
                    detections.Add(new WakeWordDetection(keyword, position, 1f));
                    // sherpa requires a reset after a hit so the same audio does not fire twice.
                    SherpaOnnx.SherpaOnnxResetKeywordStream(handle, stream);
                }
            }
            finally
            {
                SherpaOnnx.SherpaOnnxDestroyKeywordResult(result);
            }
        }
    }

    public void Reset()
    {
        ObjectDisposedException.ThrowIf(handle.IsClosed, this);
        SherpaOnnx.SherpaOnnxResetKeywordStream(handle, stream);
        position = 0;
    }

    public void Dispose()
    {
        stream.Dispose();
        handle.Dispose();
    }
}
