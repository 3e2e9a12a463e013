namespace Appliance.Service.Models;

/// <summary>Result of hashing a model file against its manifest entry.</summary>
public sealed record ModelVerification(string Id, bool Ok, string ExpectedSha256, string? ActualSha256, long? ActualSizeBytes, string? Problem);
