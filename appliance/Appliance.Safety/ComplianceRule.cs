using System.Text.RegularExpressions;

namespace Appliance.Safety;

/// <summary>
/// A configurable rule on replies: a reason and a regular expression (case-insensitive) matched
/// against the raw sentence, e.g. "no_phone_numbers	\d{3}[- ]?\d{4}[- ]?\d{4}".
/// </summary>
public sealed record ComplianceRule(string Reason, Regex Pattern)
{
    public static IReadOnlyList<ComplianceRule> Load(string path)
    {
        var rules = new List<ComplianceRule>();
        var number = 0;
        foreach (var raw in File.ReadAllLines(path))
        {
            number++;
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }
            var parts = line.Split('\t', 2, StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || parts[0].Length == 0 || parts[1].Length == 0)
            {
                throw new InvalidPhraseListException($"{path}:{number}: expected '<reason><TAB><regular expression>'");
            }
            try
            {
                rules.Add(new ComplianceRule(parts[0], new Regex(parts[1], RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(50))));
            }
            catch (ArgumentException e)
            {
                throw new InvalidPhraseListException($"{path}:{number}: invalid regular expression ({e.Message})");
            }
        }
        return rules;
    }
}
