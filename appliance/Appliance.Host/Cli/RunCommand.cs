using System.CommandLine;
using Appliance.Service;
using Appliance.Service.Hosting;
using Microsoft.Extensions.Hosting;

namespace Appliance.Host.Cli;

/// <summary>
/// `run`: the systemd service. Starts the Generic Host (admin API over HTTPS, kiosk/dashboard HTTP on
/// loopback, sd_notify, watchdog, SIGHUP reload) and runs until SIGTERM. The real pipeline is wired
/// in through ApplianceHost's configureRuntime (see appliance/Appliance.Service/README.md "Wiring").
/// </summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var stateDir = new Option<string?>("--state-dir") { Description = "State directory (default $APPLIANCE_STATE_DIR or /var/lib/appliance)" };
        var configDir = new Option<string?>("--config-dir") { Description = "Provisioned configuration directory (default $APPLIANCE_CONFIG_DIR or /etc/appliance)" };
        var adminPort = new Option<int?>("--admin-port") { Description = "HTTPS admin API port (overrides api.adminPort, default 8443)" };
        var kioskPort = new Option<int?>("--kiosk-port") { Description = "Loopback HTTP port of the kiosk page and dashboard (overrides api.kioskPort, default 8080)" };
        var command = new Command("run", "Run the appliance service (what systemd starts)") { stateDir, configDir, adminPort, kioskPort };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var options = new ServiceOptions
            {
                AdminPort = parseResult.GetValue(adminPort),
                KioskPort = parseResult.GetValue(kioskPort),
            };
            if (parseResult.GetValue(stateDir) is { } s)
            {
                options.StateDir = s;
            }
            if (parseResult.GetValue(configDir) is { } c)
            {
                options.ConfigDir = c;
            }
            try
            {
                await ApplianceHost.CreateHostBuilder(options).Build().RunAsync(cancellationToken);
                return 0;
            }
            catch (InvalidDataException e)
            {
                Console.Error.WriteLine($"appliance run: {e.Message}");
                return 2;
            }
        });
        return command;
    }
}
