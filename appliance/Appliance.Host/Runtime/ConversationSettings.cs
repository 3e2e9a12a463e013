using Appliance.Dialog.Persona;
using Appliance.Pipeline;
using Appliance.Service.Configuration;

namespace Appliance.Host.Runtime;

/// <summary>
/// The configured persona, voice and wake mode of the running conversation. A reload replaces the
/// profile with one reference write; the pipeline reads it once per turn (PipelineOptions.Profile), so
/// the next turn speaks as the new persona while a turn in flight finishes with the old one. The wake
/// mode is read on every voice onset, i.e. it switches from the next audio block.
/// </summary>
internal sealed class ConversationSettings
{
    private volatile TurnProfile _profile;
    private volatile bool _wakeWordRequired;

    public ConversationSettings(ApplianceConfig config)
    {
        _profile = ProfileFor(config.Persona);
        _wakeWordRequired = config.Dialog.WakeWordRequired;
    }

    public TurnProfile Profile => _profile;

    /// <summary>dialog.wakeWordRequired as configured (the pipeline wakes on the word only once a detector is loaded).</summary>
    public bool WakeWordRequired => _wakeWordRequired;

    public void Apply(ApplianceConfig config)
    {
        _profile = ProfileFor(config.Persona);
        _wakeWordRequired = config.Dialog.WakeWordRequired;
    }

    /// <summary>The configured voice turned out unusable (checked once the engines load): speak with the engine's default.</summary>
    public void UseDefaultVoice() => _profile = _profile with { Voice = null };

    /// <summary>persona.voice "default" = the engine's default voice.</summary>
    public const string DefaultVoice = "default";

    /// <summary>
    /// The admin API's persona section → the dialog's persona: name, language and the operator's system
    /// prompt (introduced by the name, so the model knows it); the fixed lines (deflection, "I don't know",
    /// blocked-sentence and too-long replies) and the safety rules stay the bundled ones.
    /// </summary>
    public static TurnProfile ProfileFor(PersonaConfig persona)
    {
        var profile = PersonaProfile.Default with
        {
            Name = persona.Name.Trim(),
            Language = persona.Language,
            SystemPrompt = $"You are {persona.Name.Trim()}. {persona.SystemPrompt.Trim()}",
        };
        return new TurnProfile(profile, VoiceOf(persona));
    }

    public static string? VoiceOf(PersonaConfig persona) =>
        string.Equals(persona.Voice.Trim(), DefaultVoice, StringComparison.OrdinalIgnoreCase) ? null : persona.Voice.Trim();
}
