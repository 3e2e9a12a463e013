using Appliance.Core.Speech;

namespace Appliance.Host.Runtime;

/// <summary>
/// Whether the loaded TTS engine can speak with a configured voice: a one-word synthesis with it (espeak-ng
/// refuses a name that is neither a voice nor exactly a language of one; sherpa-onnx one that is not a speaker
/// number of the model).
/// Real engine behaviour instead of a copied list of names, and cheap enough for an admin request.
/// </summary>
internal static class VoiceCheck
{
    /// <returns>Null when the voice works, else why not (for the 400 ProblemDetails).</returns>
    public static string? Problem(ISpeechSynthesizer synthesizer, string voice, string language)
    {
        try
        {
            var text = language.StartsWith("zh", StringComparison.Ordinal) ? "你好" : "hello";
            Task.Run(async () =>
            {
                await foreach (var _ in synthesizer.SynthesizeAsync(text, new SynthesisOptions(language, voice)).ConfigureAwait(false))
                {
                }
            }).GetAwaiter().GetResult();
            return null;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return $"the {synthesizer.Name} voice engine cannot speak with voice '{voice}': {e.Message}";
        }
    }
}
