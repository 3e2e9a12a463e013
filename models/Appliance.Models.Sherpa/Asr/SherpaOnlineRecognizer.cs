using Appliance.Core.Speech;
using Appliance.Models.Sherpa.Models;
using Appliance.Models.Sherpa.Native;

namespace Appliance.Models.Sherpa.Asr;

/// <summary>
/// <see cref="IStreamingSpeechRecognizer"/> on sherpa-onnx's online (streaming transducer)
/// recognizer with its endpoint rules; each <see cref="CreateStream"/> is one utterance stream.
/// </summary>
public sealed unsafe class SherpaOnlineRecognizer : IStreamingSpeechRecognizer
{
    private readonly OnlineRecognizerHandle handle;

    public SherpaOnlineRecognizer(SherpaModelFolder model, SherpaRecognizerOptions? options = null)
    {
        options ??= new SherpaRecognizerOptions();
        SherpaOnnxLibrary.Initialize();
        using var strings = new NativeStrings();
        var config = OnlineConfigBuilder.Build(model, options, strings);
        var raw = SherpaOnnx.SherpaOnnxCreateOnlineRecognizer(&config);
        if (raw == IntPtr.Zero)
        {
            throw new SherpaModelException($"SherpaOnnxCreateOnlineRecognizer returned NULL for '{model.Directory}' (see the sherpa-onnx log above)");
        }
        handle = new OnlineRecognizerHandle(raw);
        Name = $"sherpa streaming {Path.GetFileName(model.Directory)}";
        Languages = options.Language is not null ? [options.Language] : ["en"];
    }

    public string Name { get; }

    public IReadOnlyList<string> Languages { get; }

    public IRecognitionStream CreateStream()
    {
        ObjectDisposedException.ThrowIf(handle.IsClosed, this);
        var stream = new OnlineStreamHandle(SherpaOnnx.SherpaOnnxCreateOnlineStream(handle));
        if (stream.IsInvalid)
        {
            throw new SherpaModelException("SherpaOnnxCreateOnlineStream returned NULL");
        }
        return new SherpaRecognitionStream(handle, stream);
    }

    public Task<RecognitionResult> RecognizeAsync(ReadOnlyMemory<float> samples, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.Run(() =>
        {
            using var stream = CreateStream();
            stream.Accept(samples.Span);
            return stream.Finish();
        }, cancellationToken);
    }

    public void Dispose() => handle.Dispose();
}
