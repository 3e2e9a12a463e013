using System.CommandLine;

namespace Appliance.Host.Cli;

/// <summary>
/// Every top-level verb of the CLI, one factory per feature (each in its own file). Features may
/// contribute to the same group (several add `bench` subcommands): groups of the same name are
/// merged into one command.
/// </summary>
internal static class CommandCatalog
{
    public static IEnumerable<Command> Create() => Merge(Features());

    private static IEnumerable<Command> Features()
    {
        yield return PathsCommand.Create();
        yield return LlmCommands.Create();
        foreach (var command in SherpaCommands.Create())
        {
            yield return command;
        }
        foreach (var command in WakeCommands.Create())
        {
            yield return command;
        }
        foreach (var command in AudioCommands.Create())
        {
            yield return command;
        }
        foreach (var command in SpeechCommands.Create())
        {
            yield return command;
        }
        yield return RunCommand.Create();
        foreach (var command in CpuPathCommands.Create())
        {
            yield return command;
        }
        yield return LedCommands.Create();
        yield return GpioCommands.Create();
        yield return ProvisionCommands.Create();
        yield return BenchProvisionCommand.Create();
        yield return ServiceLoadCommands.Create();
        foreach (var command in PipelineCommands.Create())
        {
            yield return command;
        }
        foreach (var command in AvatarCommands.Create())
        {
            yield return command;
        }
    }

    private static IEnumerable<Command> Merge(IEnumerable<Command> commands)
    {
        var merged = new Dictionary<string, Command>(StringComparer.Ordinal);
        foreach (var command in commands)
        {
            if (!merged.TryGetValue(command.Name, out var existing))
            {
                merged.Add(command.Name, command);
                continue;
            }
            foreach (var sub in command.Subcommands.ToList())
            {
                if (existing.Subcommands.Any(s => s.Name == sub.Name))
                {
                    throw new InvalidOperationException($"two features define `{command.Name} {sub.Name}`");
                }
                existing.Subcommands.Add(sub);
            }
        }
        return merged.Values;
    }
}
