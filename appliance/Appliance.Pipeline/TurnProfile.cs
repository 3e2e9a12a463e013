using Appliance.Dialog.Persona;

namespace Appliance.Pipeline;

/// <summary>
/// Who speaks a turn and with which voice. Read once when a turn starts (<see cref="PipelineOptions.Profile"/>),
/// so a configuration reload changes the next turn while the turn in flight finishes with the old one.
/// </summary>
/// <param name="Persona">Prompt, fixed lines (deflection, "I don't know", …) and default language.</param>
/// <param name="Voice">Engine-specific voice (espeak-ng voice name, sherpa-onnx speaker number) for sentences in the persona's language; null = the engine's default voice.</param>
public sealed record TurnProfile(PersonaProfile Persona, string? Voice = null)
{
    /// <summary>The voice for a sentence in <paramref name="language"/>: other languages keep the engine's default for them.</summary>
    public string? VoiceFor(string language) =>
        Voice is not null && SameLanguage(language, Persona.Language) ? Voice : null;

    private static bool SameLanguage(string a, string b) =>
        string.Equals(Primary(a), Primary(b), StringComparison.OrdinalIgnoreCase);

    private static string Primary(string tag) => tag.Split('-', 2)[0];
}
