namespace Appliance.Safety;

/// <summary>
/// The operator-replaceable data the guard and the compliance filter use, loaded from one folder:
/// harmful.*.txt (words and phrases per language), injection.*.txt (prompt-injection phrases) and
/// compliance-rules.txt (regular-expression rules for replies). Defaults ship in safety/ beside the assembly.
/// </summary>
public sealed class SafetyLists
{
    public SafetyLists(PhraseMatcher harmful, PhraseMatcher injection, IReadOnlyList<ComplianceRule> rules)
    {
        Harmful = harmful;
        Injection = injection;
        Rules = rules;
    }

    public PhraseMatcher Harmful { get; }

    public PhraseMatcher Injection { get; }

    public IReadOnlyList<ComplianceRule> Rules { get; }

    public static string DefaultDirectory => Path.Combine(AppContext.BaseDirectory, "safety");

    public static SafetyLists LoadDefault() => Load(DefaultDirectory);

    public static SafetyLists Load(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new InvalidPhraseListException($"{directory}: the safety list folder does not exist");
        }
        var harmful = Directory.GetFiles(directory, "harmful.*.txt").Order(StringComparer.Ordinal).ToList();
        if (harmful.Count == 0)
        {
            throw new InvalidPhraseListException($"{directory}: no harmful.<lang>.txt list found; the guard refuses to run without one");
        }
        var injection = Directory.GetFiles(directory, "injection.*.txt").Order(StringComparer.Ordinal);
        var rulesPath = Path.Combine(directory, "compliance-rules.txt");
        return new SafetyLists(
            new PhraseMatcher(harmful.SelectMany(f => PhraseList.Load(f, "harmful"))),
            new PhraseMatcher(injection.SelectMany(f => PhraseList.Load(f, "injection"))),
            File.Exists(rulesPath) ? ComplianceRule.Load(rulesPath) : []);
    }
}
