using System.CommandLine;
using Appliance.Host.Cli;

var root = new RootCommand("appliance: the offline digital-human kiosk service and its technician tools");
foreach (var command in CommandCatalog.Create())
{
    root.Subcommands.Add(command);
}

// Technicians get one clear line per failure (the message names what is wrong and what to do);
// APPLIANCE_DEBUG=1 adds the stack trace.
try
{
    return await root.Parse(args).InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
catch (OperationCanceledException)
{
    return 130;
}
catch (Exception e)
{
    Console.Error.WriteLine($"error: {e.Message}");
    if (Environment.GetEnvironmentVariable("APPLIANCE_DEBUG") == "1")
    {
        Console.Error.WriteLine(e);
    }
    return 1;
}
