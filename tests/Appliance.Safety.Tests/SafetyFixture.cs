namespace Appliance.Safety.Tests;

/// <summary>The shipped default lists, loaded once.</summary>
internal static class SafetyFixture
{
    public static readonly SafetyLists Lists = SafetyLists.LoadDefault();
}
