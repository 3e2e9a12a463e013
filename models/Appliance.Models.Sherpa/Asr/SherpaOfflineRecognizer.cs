using Appliance.Core.Speech;
using Appliance.Models.Sherpa.Models;
using Appliance.Models.Sherpa.Native;

namespace Appliance.Models.Sherpa.Asr;

/// <summary>
/// <see cref="ISpeechRecognizer"/> on sherpa-onnx's offline recognizer (SenseVoice, Whisper,
/// Paraformer, Moonshine, transducer). Each call decodes one VAD segment on its own native stream;
/// onnxruntime sessions are thread-safe, so calls may overlap.
/// </summary>
public sealed unsafe class SherpaOfflineRecognizer : ISpeechRecognizer
{
    public const int SampleRate = 16000;

    private readonly OfflineRecognizerHandle handle;

    public SherpaOfflineRecognizer(SherpaModelFolder model, SherpaRecognizerOptions? options = null)
    {
        options ??= new SherpaRecognizerOptions();
        SherpaOnnxLibrary.Initialize();
        using var strings = new NativeStrings();
        var config = OfflineConfigBuilder.Build(model, options, strings);
        var raw = SherpaOnnx.SherpaOnnxCreateOfflineRecognizer(&config);
        if (raw == IntPtr.Zero)
        {
            throw new SherpaModelException($"SherpaOnnxCreateOfflineRecognizer returned NULL for the {model.Kind} model in '{model.Directory}' (see the sherpa-onnx log above)");
        }
        handle = new OfflineRecognizerHandle(raw);
        Model = model;
        Name = $"sherpa {model.Kind} {Path.GetFileName(model.Directory)}";
        Languages = options.Language is not null ? [options.Language] : model.Kind switch
        {
            SherpaModelKind.SenseVoice => ["zh", "en", "ja", "ko", "yue"],
            SherpaModelKind.Paraformer => ["zh", "en"],
            _ => ["en"],
        };
    }

    public SherpaModelFolder Model { get; }

    public string Name { get; }

    public IReadOnlyList<string> Languages { get; }

    public Task<RecognitionResult> RecognizeAsync(ReadOnlyMemory<float> samples, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(handle.IsClosed, this);
        cancellationToken.ThrowIfCancellationRequested();
        return samples.IsEmpty
            ? Task.FromResult(RecognitionResult.Empty)
            : Task.Run(() => Decode(samples.Span), cancellationToken);
    }

    public void Dispose() => handle.Dispose();

    private RecognitionResult Decode(ReadOnlySpan<float> samples)
    {
        using var stream = new OfflineStreamHandle(SherpaOnnx.SherpaOnnxCreateOfflineStream(handle));
        if (stream.IsInvalid)
        {
            throw new SherpaModelException("SherpaOnnxCreateOfflineStream returned NULL");
        }
        fixed (float* p = samples)
        {
            SherpaOnnx.SherpaOnnxAcceptWaveformOffline(stream, SampleRate, p, samples.Length);
        }
        SherpaOnnx.SherpaOnnxDecodeOfflineStream(handle, stream);
        var result = SherpaOnnx.SherpaOnnxGetOfflineStreamResult(stream);
        if (result is null)
        {
            return RecognitionResult.Empty;
        }
        try
        {
            var language = NativeStrings.Read(result->lang).Trim('<', '|', '>');
            return new RecognitionResult(NativeStrings.Read(result->text).Trim(), language.Length == 0 ? null : language);
        }
        finally
        {
            SherpaOnnx.SherpaOnnxDestroyOfflineRecognizerResult(result);
        }
    }
}
