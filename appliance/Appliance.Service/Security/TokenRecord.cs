namespace Appliance.Service.Security;

/// <summary>A stored token: never the token itself, only PBKDF2-SHA256(secret, salt).</summary>
public sealed record TokenRecord(string Id, string Role, string Label, string Salt, string Hash, int Iterations, DateTimeOffset CreatedAt);
