namespace Appliance.Safety;

/// <summary>
/// The last check before a sentence is synthesised: the same harmful lists as the input guard plus
/// the operator's regular-expression rules. A blocked sentence is replaced by the caller, never spoken.
/// </summary>
public sealed class ComplianceFilter(SafetyLists lists)
{
    public GuardVerdict Check(string sentence)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        if (lists.Harmful.FindFirst(TextNormalizer.Normalize(sentence)) is { } harm)
        {
            return GuardVerdict.Block(sentence, $"harmful:{harm.Phrase.Category}:{harm.Phrase.Text}");
        }
        foreach (var rule in lists.Rules)
        {
            try
            {
                if (rule.Pattern.IsMatch(sentence))
                {
                    return GuardVerdict.Block(sentence, $"rule:{rule.Reason}");
                }
            }
            catch (System.Text.RegularExpressions.RegexMatchTimeoutException)
            {
                // A pathological rule must fail closed: a sentence we could not check is not spoken.
                return GuardVerdict.Block(sentence, $"rule_timeout:{rule.Reason}");
            }
        }
        return GuardVerdict.Allow(sentence);
    }
}
