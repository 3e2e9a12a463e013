namespace Appliance.Service.Configuration;

/// <summary>Who the avatar is: name, greeting, system prompt, language and voice.</summary>
public sealed class PersonaConfig
{
    public string Name { get; set; } = "Ava";

    public string Greeting { get; set; } = "Hello! How can I help you?";

    public string SystemPrompt { get; set; } = "You are a friendly, concise kiosk assistant. Answer in one or two short sentences.";

    /// <summary>"en" or "zh".</summary>
    public string Language { get; set; } = "en";

    public string Voice { get; set; } = "default";
}
