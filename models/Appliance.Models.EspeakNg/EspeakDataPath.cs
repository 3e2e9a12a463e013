namespace Appliance.Models.EspeakNg;

/// <summary>
/// Finds and checks the espeak-ng-data folder before the library sees it: espeak_Initialize on missing data
/// either exits the process or continues half-initialised, so a bad folder must be caught here.
/// </summary>
public static class EspeakDataPath
{
    /// <summary>Where Debian's espeak-ng-data package installs (multiarch path first).</summary>
    public static readonly IReadOnlyList<string> DebianCandidates =
    [
        "/usr/lib/x86_64-linux-gnu/espeak-ng-data",
        "/usr/share/espeak-ng-data",
    ];

    private static readonly string[] RequiredFiles = ["phontab", "phonindex", "phondata", "intonations"];

    /// <summary>The first Debian location that holds the data, or an exception naming all of them.</summary>
    public static string FindDefault()
    {
        foreach (var candidate in DebianCandidates)
        {
            if (File.Exists(Path.Combine(candidate, "phontab")))
            {
                return candidate;
            }
        }
        throw new DirectoryNotFoundException("espeak-ng-data not found in " + string.Join(", ", DebianCandidates) + " (install espeak-ng-data)");
    }

    /// <summary>Throws a clear error unless <paramref name="dataDir"/> is a complete espeak-ng-data folder.</summary>
    public static void Validate(string dataDir, IEnumerable<string> dictionaries)
    {
        if (!Directory.Exists(dataDir))
        {
            throw new DirectoryNotFoundException($"espeak-ng data folder '{dataDir}' does not exist");
        }
        foreach (var file in RequiredFiles.Concat(dictionaries.Select(d => d + "_dict")))
        {
            if (!File.Exists(Path.Combine(dataDir, file)))
            {
                throw new FileNotFoundException($"espeak-ng data folder '{dataDir}' is incomplete: '{file}' is missing", Path.Combine(dataDir, file));
            }
        }
    }
}
