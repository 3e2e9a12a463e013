using System.Diagnostics;
using System.Globalization;
using Appliance.Core.Audio;

namespace Appliance.Models.WakeWord.Evaluation;

/// <summary>
/// Makes wake phrases with the espeak-ng command-line synthesiser (several voices, speeds and pitches),
/// resampled to 16 kHz mono with sox. Both are Debian packages on the image and the dev machine.
/// Files are cached by their parameters, so repeated runs only read them.
/// </summary>
public static class SyntheticPhrases
{
    /// <summary>One synthetic utterance and how it was made.</summary>
    public sealed record Utterance(string Text, string Voice, int Speed, int Pitch, float[] Samples)
    {
        public string Name => $"{Voice}-s{Speed}-p{Pitch}";
    }

    /// <summary>Voices (espeak-ng names, "+variant" picks another timbre), words per minute, pitch 0..99.</summary>
    public static IReadOnlyList<(string Voice, int Speed, int Pitch)> Grid(bool full)
    {
        string[] voices = full
            ? ["en-us", "en-gb", "en-us+f2", "en-us+m3", "en-gb-scotland", "en-029", "en-gb-x-rp+f4", "en-us+klatt"]
            : ["en-us", "en-gb", "en-us+f2", "en-gb-scotland"];
        int[] speeds = full ? [130, 160, 190] : [140, 175];
        int[] pitches = full ? [35, 60] : [45];
        return [.. from v in voices from s in speeds from p in pitches select (v, s, p)];
    }

    public static IReadOnlyList<Utterance> Synthesize(string text, IEnumerable<(string Voice, int Speed, int Pitch)> grid, string cacheDirectory)
    {
        Directory.CreateDirectory(cacheDirectory);
        var result = new List<Utterance>();
        foreach (var (voice, speed, pitch) in grid)
        {
            var stem = $"{Slug(text)}-{voice.Replace('+', '_')}-s{speed}-p{pitch}";
            var wav16 = Path.Combine(cacheDirectory, stem + ".16k.wav");
            if (!File.Exists(wav16))
            {
                // Unique scratch names: a bench and a test run may fill the same cache at once.
                var unique = Guid.NewGuid().ToString("N");
                var raw = Path.Combine(cacheDirectory, $"{stem}.{unique}.raw.wav");
                Run("espeak-ng", "-v", voice, "-s", speed.ToString(CultureInfo.InvariantCulture), "-p", pitch.ToString(CultureInfo.InvariantCulture), "-w", raw, text);
                var tmp = $"{wav16}.{unique}.tmp.wav";
                Run("sox", raw, "-r", "16000", "-c", "1", "-b", "16", tmp);
                File.Move(tmp, wav16, overwrite: true);
                File.Delete(raw);
            }
            var audio = WavFile.Read(wav16);
            result.Add(new Utterance(text, voice, speed, pitch, audio.Channel(0)));
        }
        return result;
    }

    /// <summary>
    /// Everyday sentences and near-misses of "hey jarvis", spoken by the same voices as the positives:
    /// they show whether the detector reacts to the wake phrase or merely to espeak-ng's timbre.
    /// </summary>
    public static IReadOnlyList<string> NegativeTexts { get; } =
    [
        "hey travis", "hey darling", "a jar of this", "hey there, how is it going", "the service starts at nine",
        "harvest the jars in the garden", "please tell me the weather for tomorrow", "he is very nervous",
    ];

    /// <summary>A file-name-safe, bounded form of a text (cache key).</summary>
    private static string Slug(string text)
    {
        var clean = new string(text.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_').ToArray());
        return clean.Length <= 40 ? clean : clean[..40] + "_" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)))[..8];
    }

    private static void Run(string tool, params string[] args)
    {
        var psi = new ProcessStartInfo(tool) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }
        Process process;
        try
        {
            process = Process.Start(psi) ?? throw new InvalidOperationException($"could not start {tool}");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"{tool} is not installed ({e.Message}); it comes with image/dev/setup", e);
        }
        using (process)
        {
            var stderr = process.StandardError.ReadToEnd();
            process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"{tool} {string.Join(' ', args)} failed ({process.ExitCode}): {stderr.Trim()}");
            }
        }
    }
}
