namespace Appliance.Models.Sherpa.Models;

/// <summary>
/// An espeak-ng-data folder sherpa's built-in espeak-ng can open. sherpa exits the process when
/// espeak_Initialize fails, so the folder is checked for the files espeak-ng loads first.
/// </summary>
public static class EspeakDataCheck
{
    private static readonly string[] Needed = ["phontab", "phonindex", "phondata", "intonations"];

    public static string Require(string field, string? path)
    {
        var full = ModelFileCheck.RequireDirectory(field, path);
        var missing = Needed.Where(n => !File.Exists(Path.Combine(full, n))).ToList();
        if (missing.Count > 0)
        {
            throw new SherpaModelException($"{field}: '{path}' is not an espeak-ng-data folder (missing {string.Join(", ", missing)})");
        }
        return full;
    }
}
