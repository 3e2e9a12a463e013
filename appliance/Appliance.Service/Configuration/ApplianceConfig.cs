namespace Appliance.Service.Configuration;

/// <summary>
/// The appliance's run-time configuration (YAML on disk, JSON over the API). Unknown fields are
/// rejected on both paths so a typo never silently becomes a default.
/// </summary>
public sealed class ApplianceConfig
{
    public PersonaConfig Persona { get; set; } = new();

    public PrivacyConfig Privacy { get; set; } = new();

    public ApiConfig Api { get; set; } = new();

    public AudioConfig Audio { get; set; } = new();

    public DialogConfig Dialog { get; set; } = new();

    /// <summary>This configuration with another persona section; every other section is kept as it is.</summary>
    public ApplianceConfig WithPersona(PersonaConfig persona)
    {
        var copy = (ApplianceConfig)MemberwiseClone();
        copy.Persona = persona;
        return copy;
    }
}
