using Appliance.Core.Audio;
using Appliance.Core.Native;
using Appliance.Pipeline.Replay;

namespace Appliance.Host.Pipeline;

/// <summary>Recordings for replay: files given on the command line, or ../shared/speech/&lt;lang&gt; for the benchmark.</summary>
internal static class SpeechData
{
    public static PlayStep Load(string path) => new(Path.GetFileNameWithoutExtension(path), WavFile.ReadMono(path));

    public static string SharedSpeechDir(string language)
    {
        var candidates = new List<string>();
        var env = Environment.GetEnvironmentVariable("APPLIANCE_SHARED");
        if (!string.IsNullOrEmpty(env))
        {
            candidates.Add(Path.Combine(env, "speech", language));
        }
        for (var dir = new DirectoryInfo(AppliancePaths.FindRepositoryRoot() ?? AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            candidates.Add(Path.Combine(dir.FullName, "shared", "speech", language));
        }
        return candidates.FirstOrDefault(Directory.Exists)
            ?? throw new DirectoryNotFoundException($"no shared/speech/{language} found (tried {string.Join(", ", candidates)}); set APPLIANCE_SHARED");
    }

    /// <summary>The recordings listed in transcripts.tsv, in order.</summary>
    public static IReadOnlyList<string> SharedRecordings(string language)
    {
        var dir = SharedSpeechDir(language);
        return File.ReadAllLines(Path.Combine(dir, "transcripts.tsv"))
            .Select(l => l.Split('\t')[0])
            .Where(f => f.EndsWith(".wav", StringComparison.Ordinal))
            .Select(f => Path.Combine(dir, f))
            .ToList();
    }
}
