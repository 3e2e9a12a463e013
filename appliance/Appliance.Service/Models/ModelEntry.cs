namespace Appliance.Service.Models;

/// <summary>
/// One model in the manifest (state dir models/manifest.json, written by provisioning). File is
/// relative to the models directory; Sha256 is lowercase hex of the whole file.
/// </summary>
public sealed record ModelEntry(
    string Id,
    string Kind,
    string Engine,
    string File,
    string Sha256,
    long SizeBytes,
    string License,
    string? Description = null);
