namespace Appliance.Models.Sherpa.Asr;

/// <summary>Recognizer settings; defaults are sherpa-onnx's (c-api.cc) unless noted.</summary>
/// <param name="Language">SenseVoice/Whisper language ("en", "zh"...); null = the model detects it.</param>
/// <param name="UseItn">SenseVoice inverse text normalisation (digits, punctuation); on for the dialog.</param>
/// <param name="EnableEndpoint">Streaming only: let the recognizer declare endpoints itself.</param>
/// <param name="Rule1MinTrailingSilence">Endpoint after this much silence when nothing was decoded (s).</param>
/// <param name="Rule2MinTrailingSilence">Endpoint after this much silence following decoded text (s).</param>
/// <param name="Rule3MinUtteranceLength">Endpoint when the utterance reaches this length (s).</param>
public sealed record SherpaRecognizerOptions(
    int NumThreads = 1,
    string? Language = null,
    bool UseItn = true,
    string DecodingMethod = "greedy_search",
    bool EnableEndpoint = true,
    float Rule1MinTrailingSilence = 2.4f,
    float Rule2MinTrailingSilence = 1.2f,
    float Rule3MinUtteranceLength = 20f)
{
    public void Validate()
    {
        if (NumThreads is < 1 or > 64)
        {
            throw new Models.SherpaModelException($"model_config.num_threads: {NumThreads} is outside 1..64");
        }
        if (DecodingMethod is not ("greedy_search" or "modified_beam_search"))
        {
            throw new Models.SherpaModelException($"decoding_method: '{DecodingMethod}' is not greedy_search or modified_beam_search");
        }
        if (Rule1MinTrailingSilence <= 0 || Rule2MinTrailingSilence <= 0 || Rule3MinUtteranceLength <= 0)
        {
            throw new Models.SherpaModelException("rule1_min_trailing_silence, rule2_min_trailing_silence and rule3_min_utterance_length must be positive");
        }
    }
}
