namespace Appliance.Avatar.Tests;

/// <summary>The checkout's root (where Appliance.sln is), found from the test binary's folder.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = Find();

    public static string Artifacts(string sub) => Directory.CreateDirectory(Path.Combine(Root, "artifacts", sub)).FullName;

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Appliance.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("Appliance.sln not found above " + AppContext.BaseDirectory);
    }
}
