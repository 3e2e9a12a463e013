using System.CommandLine;
using Appliance.Core.Native;

namespace Appliance.Host.Cli;

/// <summary>`paths`: where this installation looks for native engines and bundled models.</summary>
internal static class PathsCommand
{
    public static Command Create()
    {
        var command = new Command("paths", "Show where native engines and bundled models are looked for");
        command.SetAction(_ =>
        {
            Console.WriteLine($"cache root:  {AppliancePaths.FindCacheRoot() ?? "(none found: run image/dev/setup)"}");
            Console.WriteLine($"repository:  {AppliancePaths.FindRepositoryRoot() ?? "(not a checkout)"}");
            foreach (var engine in new[] { "llama", "sherpa" })
            {
                foreach (var dir in AppliancePaths.NativeDirs(engine))
                {
                    Console.WriteLine($"{engine,-12} {dir}{(Directory.Exists(dir) ? "" : "  (missing)")}");
                }
            }
            return 0;
        });
        return command;
    }
}
