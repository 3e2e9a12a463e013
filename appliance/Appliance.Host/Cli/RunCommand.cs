using System.CommandLine;
using Appliance.Avatar.Hub;
using Appliance.Devices;
using Appliance.Host.Runtime;
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
        var replay = new Option<FileInfo[]>("--replay") { Description = "16 kHz mono WAVs spoken to the pipeline instead of the microphone (then silence); replies go to a clocked sink — no sound card needed", AllowMultipleArgumentsPerToken = true };
        var replayOut = new Option<DirectoryInfo?>("--replay-out") { Description = "with --replay: record what the speaker played (played.f32 + played.jsonl on the avatar clock) in this folder, for `bench lipsync --live`" };
        var replayGap = new Option<int>("--replay-gap-ms") { Description = "With --replay: silence after each recording (room for the reply)", DefaultValueFactory = _ => 6000 };
        var apiRate = new Option<int>("--api-rate") { Description = "Admin API requests per second, all clients together (over it: queued, then 503); 0 = unlimited", DefaultValueFactory = _ => 200 };
        var audioLoop = new Option<string>("--audio-loop") { Description = "dedicated (the conversation loop on its own thread) or threadpool (for comparison in `bench service-load --baseline`)", DefaultValueFactory = _ => "dedicated" };
        audioLoop.AcceptOnlyFromAmong("dedicated", "threadpool");
        var llm = new Option<string>("--llm") { Description = "auto (the GGUF provisioned under models/llm when dialog.responder is llm, else the knowledge-base responder), kb, synthetic or a GGUF path (llama.cpp)", DefaultValueFactory = _ => "auto" };
        var standby = new Option<bool>("--standby") { Description = "API and dashboard only: no engines, no audio (the standby runtime)" };
        var command = new Command("run", "Run the appliance service (what systemd starts)") { stateDir, configDir, adminPort, kioskPort, replay, replayOut, replayGap, apiRate, audioLoop, llm, standby };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var options = new ServiceOptions
            {
                AdminPort = parseResult.GetValue(adminPort),
                KioskPort = parseResult.GetValue(kioskPort),
                ApiRequestsPerSecond = Math.Max(0, parseResult.GetValue(apiRate)),
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
                Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? runtime = null;
                if (!parseResult.GetValue(standby))
                {
                    var files = parseResult.GetValue(replay)?.Select(f => f.FullName).ToList();
                    foreach (var f in files ?? [])
                    {
                        if (!File.Exists(f))
                        {
                            throw new InvalidDataException($"--replay: no such file '{f}'");
                        }
                    }
                    var live = new LivePipelineOptions(parseResult.GetValue(llm)!, files, ReplayGap: TimeSpan.FromMilliseconds(Math.Max(0, parseResult.GetValue(replayGap))),
                        DedicatedAudioThread: parseResult.GetValue(audioLoop) != "threadpool", ReplayOut: parseResult.GetValue(replayOut)?.FullName,
                        ModelsDir: Path.Combine(options.StateDir, "config", "current", "models"));
                    var devices = DeviceSettings.Load(DeviceSettings.DefaultPath(options.StateDir));
                    options.ProvisionedDefaults = config => ProvisionedPersona.Apply(config, devices);
                    runtime = services => LiveRuntime.Register(services, live, devices);
                    options.MapExtraEndpoints = endpoints => endpoints.MapAvatar();
                }
                await ApplianceHost.CreateHostBuilder(options, runtime).Build().RunAsync(cancellationToken);
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
