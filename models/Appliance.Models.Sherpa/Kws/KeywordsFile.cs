using Appliance.Models.Sherpa.Models;

namespace Appliance.Models.Sherpa.Kws;

/// <summary>
/// sherpa's keywords.txt: one keyword per line as model tokens, optionally followed by ":boost",
/// "#threshold" and "@display name" (e.g. "▁HE Y ▁K IO SK @HEY_KIOSK"). Every token must exist in
/// tokens.txt, which sherpa would otherwise report only by failing to create the spotter.
/// </summary>
public static class KeywordsFile
{
    /// <summary>The display names (the @ part, else the tokens joined) of every keyword.</summary>
    public static IReadOnlyList<string> Read(string field, string path, string tokensPath)
    {
        var full = ModelFileCheck.RequireFile(field, path);
        var vocabulary = File.ReadLines(tokensPath)
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(p => p.Length >= 1)
            .Select(p => p[0])
            .ToHashSet(StringComparer.Ordinal);
        var names = new List<string>();
        var lineNo = 0;
        foreach (var raw in File.ReadLines(full))
        {
            lineNo++;
            var line = raw.Trim();
            if (line.Length == 0)
            {
                continue;
            }
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var tokens = parts.TakeWhile(p => p[0] is not (':' or '#' or '@')).ToList();
            var unknown = tokens.Where(t => !vocabulary.Contains(t)).ToList();
            if (tokens.Count == 0 || unknown.Count > 0)
            {
                throw new SherpaModelException($"{field}: '{path}' line {lineNo}: " +
                    (tokens.Count == 0 ? "no tokens" : $"tokens not in {Path.GetFileName(tokensPath)}: {string.Join(" ", unknown)}"));
            }
            var display = parts.FirstOrDefault(p => p[0] == '@');
            names.Add(display is not null ? display[1..] : string.Concat(tokens).Replace('▁', ' ').Trim());
        }
        if (names.Count == 0)
        {
            throw new SherpaModelException($"{field}: '{path}' holds no keywords");
        }
        return names;
    }
}
