namespace Appliance.Service.Security;

/// <summary>A token as listed by the API (no secret, no hash).</summary>
public sealed record TokenInfo(string Id, string Role, string Label, DateTimeOffset CreatedAt);
