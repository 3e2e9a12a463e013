namespace Appliance.Dialog.Persona;

/// <summary>A fixed line in English and Chinese; other languages fall back to English.</summary>
public sealed record LocalizedText(string En, string Zh)
{
    public string For(string language) => language.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? Zh : En;
}
