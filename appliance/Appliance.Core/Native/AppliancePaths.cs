namespace Appliance.Core.Native;

/// <summary>
/// Where native engines and bundled model weights live. In a checkout they are in the git-ignored
/// cache that image/dev/setup fills (.cache at the repository root); on the appliance image they are
/// under /usr/lib/appliance. $APPLIANCE_CACHE overrides both.
/// </summary>
public static class AppliancePaths
{
    public const string ImageRoot = "/usr/lib/appliance";

    /// <summary>The cache/installation root, or null when none can be found.</summary>
    public static string? FindCacheRoot()
    {
        var fromEnv = Environment.GetEnvironmentVariable("APPLIANCE_CACHE");
        if (!string.IsNullOrEmpty(fromEnv))
        {
            return fromEnv;
        }
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, ".cache");
            if (Directory.Exists(Path.Combine(candidate, "native")))
            {
                return candidate;
            }
        }
        return Directory.Exists(ImageRoot) ? ImageRoot : null;
    }

    /// <summary>Folders to search for an engine's libraries, most specific first (e.g. "llama").</summary>
    public static IReadOnlyList<string> NativeDirs(string engine)
    {
        var dirs = new List<string>();
        var specific = Environment.GetEnvironmentVariable($"APPLIANCE_NATIVE_{engine.ToUpperInvariant()}");
        if (!string.IsNullOrEmpty(specific))
        {
            dirs.Add(specific);
        }
        var root = FindCacheRoot();
        if (root is not null)
        {
            dirs.Add(Path.Combine(root, "native", engine));
        }
        if (root != ImageRoot)
        {
            dirs.Add(Path.Combine(ImageRoot, "native", engine));
        }
        return dirs;
    }

    /// <summary>A bundled model file (e.g. "vad/silero_vad.onnx"), or null when it is not installed.</summary>
    public static string? BundledModel(string relativePath)
    {
        foreach (var root in new[] { FindCacheRoot(), ImageRoot })
        {
            if (root is null)
            {
                continue;
            }
            var path = Path.Combine(root, "models", relativePath);
            if (File.Exists(path))
            {
                return path;
            }
        }
        return null;
    }

    /// <summary>The repository root when running from a checkout (holds Appliance.sln), else null.</summary>
    public static string? FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Appliance.sln")))
            {
                return dir.FullName;
            }
        }
        return null;
    }
}
