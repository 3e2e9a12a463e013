using Appliance.Models.OnnxRuntime;

namespace Appliance.Models.WakeWord;

/// <summary>One keyword's classifier: the last N embeddings (N from its input shape, 16 for the stock models) → score 0..1.</summary>
internal sealed class KeywordClassifier : IDisposable
{
    private readonly InferenceSession session;

    public KeywordClassifier(OrtEnvironment environment, string keyword, string path, SessionOptions options)
    {
        Keyword = keyword;
        session = InferenceSession.Open(environment, path, options);
        var input = session.Inputs.Count == 1 ? session.Inputs[0] : null;
        if (input is null || input.Shape.Count != 3 || input.Shape[1] <= 0 || input.Shape[2] != AudioFeatures.EmbeddingSize
            || session.Outputs.Count != 1)
        {
            session.Dispose();
            throw new InvalidDataException(
                $"{path} is not an openWakeWord keyword classifier (expected one input [1, N, {AudioFeatures.EmbeddingSize}] and one score output; it has inputs {string.Join(", ", session.Inputs)})");
        }
        WindowSize = (int)input.Shape[1];
    }

    public string Keyword { get; }

    public int WindowSize { get; }

    /// <param name="history">Embeddings, oldest first; the last <see cref="WindowSize"/> are used.</param>
    public float Score(float[] history)
    {
        var window = history[^(WindowSize * AudioFeatures.EmbeddingSize)..];
        return session.Run(new FloatTensor(window, 1, WindowSize, AudioFeatures.EmbeddingSize))[0].Data[0];
    }

    public void Dispose() => session.Dispose();
}
