using System.Text.Json;
using System.Text.Json.Nodes;

namespace Appliance.Service.Configuration;

/// <summary>Field-level differences between two configurations ("persona.name: 'Ava' -> 'Bo'") for the audit log.</summary>
public static class ConfigDiff
{
    public static IReadOnlyList<string> Between(ApplianceConfig before, ApplianceConfig after)
    {
        var a = Flatten(JsonSerializer.SerializeToNode(before, ConfigJson.Options));
        var b = Flatten(JsonSerializer.SerializeToNode(after, ConfigJson.Options));
        var changes = new List<string>();
        foreach (var key in a.Keys.Union(b.Keys).Order(StringComparer.Ordinal))
        {
            var x = a.GetValueOrDefault(key);
            var y = b.GetValueOrDefault(key);
            if (x != y)
            {
                changes.Add($"{key}: {x ?? "(none)"} -> {y ?? "(none)"}");
            }
        }
        return changes;
    }

    private static Dictionary<string, string> Flatten(JsonNode? node)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        void Walk(JsonNode? n, string prefix)
        {
            if (n is JsonObject obj)
            {
                foreach (var (k, v) in obj)
                {
                    Walk(v, prefix.Length == 0 ? k : $"{prefix}.{k}");
                }
            }
            else
            {
                result[prefix] = n?.ToJsonString() ?? "null";
            }
        }
        Walk(node, "");
        return result;
    }
}
