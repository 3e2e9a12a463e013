using System.CommandLine;
using Appliance.Host.Cli;

var root = new RootCommand("appliance: the offline digital-human kiosk service and its technician tools");
foreach (var command in CommandCatalog.Create())
{
    root.Subcommands.Add(command);
}
return await root.Parse(args).InvokeAsync();
