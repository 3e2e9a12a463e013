namespace Appliance.Models.Sherpa.Tts;

/// <param name="NumThreads">onnxruntime threads for the acoustic model.</param>
/// <param name="SpeakerId">Default speaker of multi-speaker models (SynthesisOptions.Voice may name another by number).</param>
/// <param name="Languages">BCP 47 languages of the voice; null = derived from the model's metadata.</param>
/// <param name="MaxSentencesPerChunk">Sentences per generated chunk: 1 streams the first sentence as soon as it is ready.</param>
/// <param name="SilenceScale">Scale of pauses between sentences.</param>
public sealed record SherpaSynthesizerOptions(
    int NumThreads = 1,
    int SpeakerId = 0,
    IReadOnlyList<string>? Languages = null,
    int MaxSentencesPerChunk = 1,
    float SilenceScale = 0.2f);
