using System.Text.Json;

namespace Appliance.Service.Security;

/// <summary>
/// Append-only JSON-lines audit log in the state dir (audit.log). Every mutating API call is written,
/// rejected ones included, so the log answers "who tried what".
/// </summary>
public sealed class AuditLog(ServiceOptions options)
{
    private readonly Lock _gate = new();

    public string PathName { get; } = Path.Combine(options.StateDir, "audit.log");

    public void Append(AuditEntry entry)
    {
        var line = JsonSerializer.Serialize(entry, JsonSerializerOptions.Web) + "\n";
        lock (_gate)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(PathName)!);
            File.AppendAllText(PathName, line);
        }
    }

    public IReadOnlyList<AuditEntry> Tail(int max)
    {
        lock (_gate)
        {
            if (!File.Exists(PathName))
            {
                return [];
            }
            return File.ReadLines(PathName).TakeLast(max)
                .Select(l => JsonSerializer.Deserialize<AuditEntry>(l, JsonSerializerOptions.Web)!)
                .Reverse()
                .ToList();
        }
    }
}
