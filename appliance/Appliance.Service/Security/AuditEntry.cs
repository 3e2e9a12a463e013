namespace Appliance.Service.Security;

/// <summary>One mutating API call: who, what, result, and (for config) the field-level diff.</summary>
public sealed record AuditEntry(
    DateTimeOffset At,
    string? TokenId,
    string? Role,
    string? RemoteAddress,
    string Method,
    string Path,
    int Status,
    IReadOnlyList<string>? Details);
