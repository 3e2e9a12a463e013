using Appliance.Core.Native;

namespace Appliance.TestSupport;

/// <summary>
/// The read-only data every developer and CI has beside the checkout (../shared): real speech with
/// transcripts and the small GGUF models. Tests read from here and never write.
/// </summary>
public static class SharedData
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    public static string Root => RootPath.Value;

    public static string Llm(string file) => Path.Combine(Root, "models", "llm", file);

    public static string Stories260K => Llm("stories260K.gguf");

    public static string TinyRandomLlama => Llm("llama-2-tiny-random.gguf");

    public static string Speech(string language, string file) => Path.Combine(Root, "speech", language, file);

    /// <summary>(file path, reference transcript) for every recording of a language.</summary>
    public static IReadOnlyList<(string Path, string Transcript)> Transcripts(string language)
    {
        var dir = Path.Combine(Root, "speech", language);
        return File.ReadAllLines(Path.Combine(dir, "transcripts.tsv"))
            .Where(l => l.Contains('\t'))
            .Select(l => l.Split('\t', 2))
            .Where(p => p[0].EndsWith(".wav", StringComparison.Ordinal))
            .Select(p => (Path.Combine(dir, p[0]), p[1].Trim()))
            .ToList();
    }

    private static string FindRoot()
    {
        var fromEnv = Environment.GetEnvironmentVariable("APPLIANCE_SHARED");
        if (!string.IsNullOrEmpty(fromEnv))
        {
            return fromEnv;
        }
        var repo = AppliancePaths.FindRepositoryRoot()
            ?? throw new InvalidOperationException("tests must run from a checkout (no Appliance.sln above " + AppContext.BaseDirectory + ")");
        for (var dir = new DirectoryInfo(repo); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared");
            if (Directory.Exists(Path.Combine(candidate, "speech")))
            {
                return candidate;
            }
        }
        throw new InvalidOperationException($"../shared not found above {repo}; set APPLIANCE_SHARED");
    }
}
