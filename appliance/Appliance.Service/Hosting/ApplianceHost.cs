using System.Net;
using Appliance.Service.Configuration;
using Appliance.Service.Logging;
using Appliance.Service.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace Appliance.Service.Hosting;

/// <summary>
/// The Generic Host of the appliance: logging (journald format under systemd), the service
/// registrations, and Kestrel with two listeners — the admin API over HTTPS (device certificate) on
/// the configured address (loopback unless api.allowLan), and the kiosk/dashboard HTTP port on loopback.
/// configureRuntime registers the real pipeline's implementations (they win over the standby defaults).
/// </summary>
public static class ApplianceHost
{
    public static IHostBuilder CreateHostBuilder(ServiceOptions options, Action<IServiceCollection>? configureRuntime = null)
    {
        var ring = new LogRing();
        return new HostBuilder()
            .UseContentRoot(AppContext.BaseDirectory)
            .ConfigureLogging(logging =>
            {
                logging.ClearProviders();
                logging.SetMinimumLevel(LogLevel.Information);
                logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
                logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Information);
                // "No XML encryptor configured": keys protect nothing we use (no cookies/antiforgery).
                logging.AddFilter("Microsoft.AspNetCore.DataProtection", LogLevel.Error);
                if (JournaldConsoleFormatter.UnderSystemd())
                {
                    logging.AddConsole(o => o.FormatterName = JournaldConsoleFormatter.FormatterName)
                        .AddConsoleFormatter<JournaldConsoleFormatter, ConsoleFormatterOptions>();
                }
                else
                {
                    logging.AddSimpleConsole(o =>
                    {
                        o.SingleLine = true;
                        o.TimestampFormat = "HH:mm:ss.fff ";
                    });
                }
                logging.AddProvider(new LogRingProvider(ring));
            })
            .ConfigureServices(services =>
            {
                configureRuntime?.Invoke(services);
                services.AddApplianceService(options, ring);
            })
            .ConfigureWebHost(web =>
            {
                if (options.UseKestrel)
                {
                    web.UseKestrel((context, kestrel) =>
                    {
                        var services = kestrel.ApplicationServices;
                        var api = services.GetRequiredService<ConfigStore>().Current.Api;
                        var certificate = services.GetRequiredService<DeviceCertificate>().Certificate;
                        var bind = IPAddress.Parse(api.BindAddress);
                        kestrel.Limits.MaxRequestBodySize = options.MaxDocumentBytes;
                        kestrel.AddServerHeader = false;
                        // A kiosk box, not a web farm: bound what a LAN client (or a bug) can hold open.
                        kestrel.Limits.MaxConcurrentConnections = 128;
                        kestrel.Limits.MaxConcurrentUpgradedConnections = 16;
                        kestrel.Listen(bind, options.AdminPort ?? api.AdminPort, listen => listen.UseHttps(certificate));
                        kestrel.Listen(IPAddress.Loopback, options.KioskPort ?? api.KioskPort);
                    });
                }
                web.Configure(app => app.UseApplianceService());
            });
    }
}
