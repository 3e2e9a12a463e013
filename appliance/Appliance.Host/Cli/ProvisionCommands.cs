using System.CommandLine;
using System.Text.Json;
using Appliance.Provisioning.Apply;
using Appliance.Provisioning.Progress;
using Appliance.Provisioning.Reporting;
using Appliance.Provisioning.Signing;

namespace Appliance.Host.Cli;

/// <summary>
/// `provision PATH [--dry-run]` applies a stick (the udev-started unit calls it); `provision sign`,
/// `provision keygen` are the vendor side; `provision rollback` and `provision status` manage versions.
/// </summary>
internal static class ProvisionCommands
{
    public static Command Create()
    {
        var stateDir = new Option<string>("--state-dir") { Description = "versioned configurations", DefaultValueFactory = _ => ProvisioningOptions.DefaultStateDir };
        var keys = new Option<string[]>("--trusted-keys") { Description = "folders of trusted public keys (*.pem)", DefaultValueFactory = _ => ProvisioningOptions.DefaultTrustedKeyDirs, AllowMultipleArgumentsPerToken = true };
        var allowUnsigned = new Option<bool>("--allow-unsigned-in-factory") { Description = "accept an unsigned stick while the device is in factory state" };
        var keep = new Option<int>("--keep") { Description = "configurations kept for rollback", DefaultValueFactory = _ => 3 };
        var timeout = new Option<int>("--ready-timeout") { Description = "seconds the restarted appliance has to become ready", DefaultValueFactory = _ => 90 };
        var unit = new Option<string>("--unit") { Description = "systemd unit to restart", DefaultValueFactory = _ => "appliance.service" };
        var certificate = new Option<string>("--certificate") { Description = "admin API certificate (for the report)", DefaultValueFactory = _ => "/var/lib/appliance/tls/device.crt" };
        var dryRun = new Option<bool>("--dry-run") { Description = "check everything, change nothing" };
        var json = new Option<bool>("--json") { Description = "print the result as JSON" };
        var progressFile = new Option<string>("--progress-file")
        {
            Description = "status file the running service shows progress from (LED ring, STATUS=, avatar 'updating…'); default $APPLIANCE_PROVISION_PROGRESS or " + ProvisioningStatusFile.DefaultPath,
            DefaultValueFactory = _ => ProvisioningStatusFile.ConfiguredPath,
        };
        var kioskEnv = new Option<string>("--kiosk-env")
        {
            Description = "kiosk display settings written from display.* once the stick applied cleanly ('' = leave alone)",
            DefaultValueFactory = _ => KioskEnv.DefaultPath,
        };
        var path = new Argument<string>("path") { Description = "the stick's folder holding provisioning.yaml" };

        var provision = new Command("provision", "Apply a provisioning stick (signed provisioning.yaml, models, knowledge)")
        {
            path, dryRun, stateDir, keys, allowUnsigned, keep, timeout, unit, certificate, json, progressFile, kioskEnv,
        };
        provision.SetAction(async (parse, ct) =>
        {
            // The device ID is kept beside the configurations (/var/lib/appliance/device-id by default).
            var idFile = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(parse.GetValue(stateDir)!))!, "device-id");
            var target = new SystemdTarget(parse.GetValue(unit)!, parse.GetValue(certificate), idFile);
            var options = Options(parse, stateDir, keys, allowUnsigned, keep, timeout) with { KioskEnvPath = NonEmpty(parse.GetValue(kioskEnv)) };
            var service = new ProvisioningService(options, target);
            var bar = new ConsoleProgress();
            var published = new StatusFilePublisher(parse.GetValue(progressFile)!, parse.GetValue(dryRun), warn => Console.Error.WriteLine($"provision: {warn}"));
            var result = await service.ApplyAsync(parse.GetValue(path)!, parse.GetValue(dryRun), new Tee(bar, published), ct);
            result.Notes.AddRange(target.Notes);
            bar.Finish();
            Console.WriteLine(parse.GetValue(json)
                ? JsonSerializer.Serialize(new { outcome = result.Outcome.ToString(), result.Version, result.Problems, result.Notes, report = result.ReportPath })
                : ReportWriter.Text(result) + (result.ReportPath is null ? "" : $"\nreport written to {result.ReportPath}"));
            return result.Outcome is ProvisioningOutcome.Applied or ProvisioningOutcome.Validated ? 0 : 2;
        });

        var key = new Option<string>("--key") { Description = "vendor private key (PEM)", Required = true };
        var signPath = new Argument<string>("path") { Description = "the stick's folder" };
        var sign = new Command("sign", "Vendor: write bundle.manifest and sign provisioning.yaml and the manifest") { signPath, key };
        sign.SetAction(parse =>
        {
            using var ecdsa = VendorKeys.LoadPrivate(parse.GetValue(key)!);
            foreach (var file in StickSigner.Sign(parse.GetValue(signPath)!, ecdsa))
            {
                Console.WriteLine($"signed {file} with key {DetachedSignature.KeyIdOf(ecdsa)}");
            }
            return 0;
        });

        var outDir = new Option<string>("--out") { Description = "folder for the key pair", Required = true };
        var name = new Option<string>("--name") { Description = "key name", DefaultValueFactory = _ => "vendor" };
        var keygen = new Command("keygen", "Vendor: create an ECDSA P-256 signing key pair") { outDir, name };
        keygen.SetAction(parse =>
        {
            var (priv, pub, id) = VendorKeys.Generate(parse.GetValue(outDir)!, parse.GetValue(name)!);
            Console.WriteLine($"private key: {priv} (keep it off the devices)\npublic key:  {pub} (install in /etc/appliance/trusted-keys)\nkey id:      {id}");
            return 0;
        });

        var rollback = new Command("rollback", "Switch back to the previous configuration and restart") { stateDir, keys, unit, timeout, kioskEnv };
        rollback.SetAction(async (parse, ct) =>
        {
            var options = Options(parse, stateDir, keys, null, null, timeout) with { KioskEnvPath = NonEmpty(parse.GetValue(kioskEnv)) };
            var service = new ProvisioningService(options, new SystemdTarget(parse.GetValue(unit)!));
            Console.WriteLine(await service.RollbackAsync(ct));
            return 0;
        });

        var status = new Command("status", "List the kept configurations") { stateDir };
        status.SetAction(parse =>
        {
            var store = new ConfigStore(parse.GetValue(stateDir)!);
            Console.WriteLine(store.IsFactoryState ? "factory state: no configuration applied" : $"current: {store.Current}");
            foreach (var v in store.Versions)
            {
                Console.WriteLine($"  {v}{(v == store.Current ? "  (current)" : "")}");
            }
            return 0;
        });

        provision.Subcommands.Add(sign);
        provision.Subcommands.Add(keygen);
        provision.Subcommands.Add(rollback);
        provision.Subcommands.Add(status);
        return provision;
    }

    private static ProvisioningOptions Options(ParseResult parse, Option<string> stateDir, Option<string[]> keys, Option<bool>? allowUnsigned, Option<int>? keep, Option<int> timeout) =>
        new(parse.GetValue(stateDir)!, parse.GetValue(keys)!, allowUnsigned is not null && parse.GetValue(allowUnsigned),
            keep is null ? 3 : parse.GetValue(keep), TimeSpan.FromSeconds(parse.GetValue(timeout)));

    private static string? NonEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;

    /// <summary>Console bar and the running service's status file, both.</summary>
    private sealed class Tee(params IProgress<ProvisioningProgress>[] sinks) : IProgress<ProvisioningProgress>
    {
        public void Report(ProvisioningProgress value)
        {
            foreach (var sink in sinks)
            {
                sink.Report(value);
            }
        }
    }

    /// <summary>A one-line progress bar on a terminal; a line per phase otherwise (journald).</summary>
    private sealed class ConsoleProgress : IProgress<ProvisioningProgress>
    {
        private ProvisioningPhase? _phase;
        private int _lastPercent = -1;

        public void Report(ProvisioningProgress value)
        {
            if (value.Phase == ProvisioningPhase.Copying && value.BytesTotal > 0)
            {
                var percent = (int)(value.Fraction * 100);
                if (percent == _lastPercent)
                {
                    return;
                }
                _lastPercent = percent;
                if (!Console.IsOutputRedirected)
                {
                    Console.Write($"\rcopying {percent,3}% {new string('#', percent / 4),-25} {value.Detail,-40}");
                    return;
                }
                if (percent % 10 != 0)
                {
                    return;
                }
                Console.WriteLine($"copying {percent}% {value.Detail}");
                return;
            }
            if (value.Phase != _phase)
            {
                Finish();
                Console.WriteLine($"{value.Phase.ToString().ToLowerInvariant()}: {value.Detail}");
            }
            _phase = value.Phase;
        }

        public void Finish()
        {
            if (_lastPercent >= 0 && !Console.IsOutputRedirected)
            {
                Console.WriteLine();
            }
            _lastPercent = -1;
        }
    }
}
