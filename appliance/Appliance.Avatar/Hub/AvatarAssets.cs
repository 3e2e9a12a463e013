using System.Reflection;

namespace Appliance.Avatar.Hub;

/// <summary>
/// The page, art and rig. Built-in copies are embedded in the assembly; an operator replaces the
/// character by putting avatar.svg / rig.json (or any asset) into the override folder.
/// </summary>
public sealed class AvatarAssets(string? overrideDirectory = null)
{
    private static readonly Dictionary<string, string> Types = new(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".svg"] = "image/svg+xml",
        [".json"] = "application/json",
    };

    public static IReadOnlyList<string> BuiltIn { get; } = typeof(AvatarAssets).Assembly.GetManifestResourceNames()
        .Where(n => n.StartsWith("avatar/", StringComparison.Ordinal))
        .Select(n => n["avatar/".Length..])
        .ToList();

    /// <summary>The asset's bytes and content type, or null for an unknown name (never a path outside the folder).</summary>
    public (byte[] Bytes, string ContentType)? Get(string name)
    {
        if (string.IsNullOrEmpty(name) || name.Contains('/') || name.Contains('\\') || name.Contains("..", StringComparison.Ordinal)
            || !Types.TryGetValue(Path.GetExtension(name), out var type))
        {
            return null;
        }
        if (overrideDirectory is not null)
        {
            var file = Path.Combine(overrideDirectory, name);
            if (File.Exists(file))
            {
                return (File.ReadAllBytes(file), type);
            }
        }
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("avatar/" + name);
        if (stream is null)
        {
            return null;
        }
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return (copy.ToArray(), type);
    }
}
