using System.Text.RegularExpressions;

namespace Appliance.Safety;

/// <summary>
/// Checks a visitor's utterance before it reaches the dialog: length cap, harmful phrases, prompt
/// injection phrases (all on normalised text), and strips chat-template control sequences and our
/// own tag syntax so user text can never pose as the system, the assistant or an animation tag.
/// </summary>
public sealed partial class InputGuard(SafetyLists lists, InputGuardOptions? options = null)
{
    private readonly InputGuardOptions _options = options ?? new InputGuardOptions();

    public GuardVerdict Check(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        if (trimmed.Length > _options.MaxChars)
        {
            return GuardVerdict.Block(trimmed, $"too_long:{trimmed.Length}");
        }
        var normalized = TextNormalizer.Normalize(trimmed);
        if (lists.Harmful.FindFirst(normalized) is { } harm)
        {
            return GuardVerdict.Block(trimmed, $"harmful:{harm.Phrase.Category}:{harm.Phrase.Text}");
        }
        if (lists.Injection.FindFirst(normalized) is { } injection)
        {
            return GuardVerdict.Block(trimmed, $"injection:{injection.Phrase.Text}");
        }
        return GuardVerdict.Allow(Sanitize(trimmed));
    }

    /// <summary>Removes chat-template markers and animation tags from user text.</summary>
    public static string Sanitize(string text)
    {
        var stripped = ControlSequences().Replace(text, " ");
        stripped = RolePrefixes().Replace(stripped, " ");
        return Spaces().Replace(stripped, " ").Trim();
    }

    [GeneratedRegex(@"<\|[^|>]{0,40}\|>|\[/?INST\]|<</?SYS>>|</?s>|<gesture:[^>]{0,40}>|\[(happy|sad|surprised|angry|neutral|thinking)\]", RegexOptions.IgnoreCase)]
    private static partial Regex ControlSequences();

    [GeneratedRegex(@"^\s*(system|assistant)\s*:", RegexOptions.IgnoreCase | RegexOptions.Multiline)]
    private static partial Regex RolePrefixes();

    [GeneratedRegex(@"\s{2,}")]
    private static partial Regex Spaces();
}
