namespace Appliance.Models.Sherpa.Models;

/// <summary>
/// A detected model folder: its family and the file for each role. Roles are named after the C
/// config fields they fill ("sense_voice.model", "tokens", "vits.data_dir"...), so every later
/// error can name the field.
/// </summary>
public sealed record SherpaModelFolder(
    SherpaModelKind Kind,
    string Directory,
    IReadOnlyDictionary<string, string> Files,
    string Evidence)
{
    public bool IsRecognizer => Kind is not (SherpaModelKind.PiperVits or SherpaModelKind.Matcha or SherpaModelKind.Kokoro);

    public bool IsStreaming => Kind == SherpaModelKind.OnlineTransducer;

    public bool IsSynthesizer => !IsRecognizer;

    /// <summary>The file for a role, or null when the role is optional and absent.</summary>
    public string? File(string role) => Files.TryGetValue(role, out var path) ? path : null;
}
