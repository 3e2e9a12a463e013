namespace Appliance.Provisioning.Document;

/// <summary>A stick or document that cannot be applied; <see cref="Problems"/> lists every reason found.</summary>
public sealed class ProvisioningException : Exception
{
    public ProvisioningException(string message)
        : this([message])
    {
    }

    public ProvisioningException(IReadOnlyList<string> problems)
        : base(problems.Count == 1 ? problems[0] : $"{problems.Count} problems:{Environment.NewLine}  " + string.Join(Environment.NewLine + "  ", problems))
    {
        Problems = problems;
    }

    public IReadOnlyList<string> Problems { get; }
}
