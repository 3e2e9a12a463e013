using System.CommandLine;

namespace Appliance.Host.Cli;

/// <summary>Every top-level verb of the CLI, one factory per feature (each in its own file).</summary>
internal static class CommandCatalog
{
    public static IEnumerable<Command> Create()
    {
        yield return PathsCommand.Create();
        yield return LedCommands.Create();
        yield return GpioCommands.Create();
        foreach (var command in SpeechCommands.Create()) { yield return command; }
        foreach (var command in SherpaCommands.Create()) yield return command;
        yield return LlmCommands.Create();
        foreach (var command in CpuPathCommands.Create()) { yield return command; }
    }
}
