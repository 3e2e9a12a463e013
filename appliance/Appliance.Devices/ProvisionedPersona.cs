using Appliance.Service.Configuration;

namespace Appliance.Devices;

/// <summary>
/// provisioning.yaml's persona and voice sections on top of the service's base configuration
/// (ServiceOptions.ProvisionedDefaults): the avatar's name, reply language, greeting, style and rules
/// (the rules become the system prompt, above visitor text), and the TTS voice. A later change through
/// the admin API is kept in the state dir and wins.
/// </summary>
public static class ProvisionedPersona
{
    public static void Apply(ApplianceConfig config, DeviceSettings provisioned)
    {
        if (provisioned.Persona is { } persona)
        {
            if (!string.IsNullOrWhiteSpace(persona.Name))
            {
                config.Persona.Name = persona.Name.Trim();
            }
            if (persona.Language is "en" or "zh")
            {
                config.Persona.Language = persona.Language;
            }
            if (!string.IsNullOrWhiteSpace(persona.Greeting))
            {
                config.Persona.Greeting = persona.Greeting.Trim();
            }
            var prompt = new List<string>();
            if (!string.IsNullOrWhiteSpace(persona.Style))
            {
                prompt.Add($"Keep this tone: {persona.Style.Trim()}.");
            }
            prompt.AddRange((persona.Rules ?? []).Where(r => !string.IsNullOrWhiteSpace(r)).Select(r => r.Trim()));
            if (prompt.Count > 0)
            {
                config.Persona.SystemPrompt = string.Join(' ', prompt);
            }
        }
        if (provisioned.Voice is { Voice: { } voice } && !string.IsNullOrWhiteSpace(voice))
        {
            config.Persona.Voice = voice.Trim();
        }
    }
}
