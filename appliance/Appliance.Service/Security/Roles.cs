namespace Appliance.Service.Security;

/// <summary>Token roles, each including the ones before it: viewer ⊂ operator ⊂ admin.</summary>
public static class Roles
{
    public const string Viewer = "viewer";
    public const string Operator = "operator";
    public const string Admin = "admin";

    public static readonly IReadOnlyList<string> All = [Viewer, Operator, Admin];

    public static bool IsValid(string role) => All.Contains(role);

    /// <summary>Roles that satisfy a policy named after the minimum role.</summary>
    public static string[] AtLeast(string role) => role switch
    {
        Viewer => [Viewer, Operator, Admin],
        Operator => [Operator, Admin],
        Admin => [Admin],
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "unknown role"),
    };
}
