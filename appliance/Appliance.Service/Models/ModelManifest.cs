namespace Appliance.Service.Models;

/// <summary>The models provisioned on this box.</summary>
public sealed record ModelManifest(IReadOnlyList<ModelEntry> Models);
