using Appliance.Core.Speech;
using Appliance.Models.Sherpa.Native;

namespace Appliance.Models.Sherpa.Asr;

/// <summary>One streaming utterance. Decodes as audio arrives, so <see cref="Finish"/> only flushes the tail.</summary>
public sealed unsafe class SherpaRecognitionStream : IRecognitionStream
{
    private const int SampleRate = 16000;

    private readonly OnlineRecognizerHandle recognizer;
    private readonly OnlineStreamHandle stream;

    internal SherpaRecognitionStream(OnlineRecognizerHandle recognizer, OnlineStreamHandle stream)
    {
        // The stream is only valid while its recognizer lives: hold a reference until Dispose.
        var added = false;
        recognizer.DangerousAddRef(ref added);
        this.recognizer = recognizer;
        this.stream = stream;
    }

    public string Partial => ReadText();

    /// <summary>The recognizer's endpoint rules fired (trailing silence or utterance length).</summary>
    public bool IsEndpoint => SherpaOnnx.SherpaOnnxOnlineStreamIsEndpoint(recognizer, stream) != 0;

    public void Accept(ReadOnlySpan<float> samples)
    {
        ObjectDisposedException.ThrowIf(stream.IsClosed, this);
        fixed (float* p = samples)
        {
            SherpaOnnx.SherpaOnnxOnlineStreamAcceptWaveform(stream, SampleRate, p, samples.Length);
        }
        DecodeReady();
    }

    public RecognitionResult Finish()
    {
        ObjectDisposedException.ThrowIf(stream.IsClosed, this);
        SherpaOnnx.SherpaOnnxOnlineStreamInputFinished(stream);
        DecodeReady();
        var text = ReadText();
        SherpaOnnx.SherpaOnnxOnlineStreamReset(recognizer, stream);
        return new RecognitionResult(text);
    }

    public void Dispose()
    {
        if (!stream.IsClosed)
        {
            stream.Dispose();
            recognizer.DangerousRelease();
        }
    }

    private void DecodeReady()
    {
        while (SherpaOnnx.SherpaOnnxIsOnlineStreamReady(recognizer, stream) != 0)
        {
            SherpaOnnx.SherpaOnnxDecodeOnlineStream(recognizer, stream);
        }
    }

    private string ReadText()
    {
        var result = SherpaOnnx.SherpaOnnxGetOnlineStreamResult(recognizer, stream);
        if (result is null)
        {
            return string.Empty;
        }
        try
        {
            return NativeStrings.Read(result->text).Trim();
        }
        finally
        {
            SherpaOnnx.SherpaOnnxDestroyOnlineRecognizerResult(result);
        }
    }
}
