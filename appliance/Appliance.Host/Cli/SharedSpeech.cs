using Appliance.Core.Audio;
using Appliance.Core.Native;

namespace Appliance.Host.Cli;

/// <summary>Finds the real recordings benchmarks use (../shared/speech beside the checkout, or $APPLIANCE_SHARED).</summary>
internal static class SharedSpeech
{
    public static string FindDirectory(string? explicitDir, string language = "en")
    {
        if (!string.IsNullOrEmpty(explicitDir))
        {
            return Directory.Exists(explicitDir) ? explicitDir : throw new ArgumentException($"--speech {explicitDir}: no such directory");
        }
        var env = Environment.GetEnvironmentVariable("APPLIANCE_SHARED");
        if (!string.IsNullOrEmpty(env))
        {
            return Path.Combine(env, "speech", language);
        }
        for (var dir = new DirectoryInfo(AppliancePaths.FindRepositoryRoot() ?? Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "speech", language);
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new ArgumentException("no speech recordings found (../shared/speech/en beside the checkout); pass --speech DIR or set APPLIANCE_SHARED");
    }

    /// <summary>16 kHz mono recordings of the directory, in name order, concatenated to <paramref name="seconds"/>.</summary>
    public static float[] Load(string dir, double seconds)
    {
        var target = (int)(seconds * 16000);
        var result = new List<float>(target);
        foreach (var file in Directory.GetFiles(dir, "*.wav").Order(StringComparer.Ordinal))
        {
            result.AddRange(WavFile.ReadMono(file));
            if (result.Count >= target)
            {
                break;
            }
        }
        if (result.Count == 0)
        {
            throw new ArgumentException($"{dir} holds no 16 kHz mono WAV recordings");
        }
        return result.Take(target).ToArray();
    }
}
