using System.Diagnostics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Appliance.Provisioning.Apply;

/// <summary>
/// The appliance service as managed by systemd: restart it and wait until it reports READY=1
/// (Type=notify units are "active" only after that). Where the unit is not installed (a developer
/// checkout, a test), restarting is skipped and said so.
/// </summary>
public sealed class SystemdTarget(string unit = "appliance.service", string? certificatePath = null, string deviceIdFile = DeviceIdentity.DefaultIdFile) : IProvisioningTarget
{
    public List<string> Notes { get; } = [];

    public async Task<string?> RestartAndWaitReadyAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var load = await RunAsync(["show", "-p", "LoadState", "--value", unit], cancellationToken);
        if (load is null || load.Trim() != "loaded")
        {
            Notes.Add($"{unit} is not installed here; the appliance was not restarted");
            return null;
        }
        if (await RunAsync(["restart", "--no-block", unit], cancellationToken) is null)
        {
            return $"systemctl restart {unit} failed";
        }
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            var state = (await RunAsync(["show", "-p", "ActiveState", "--value", unit], cancellationToken))?.Trim();
            if (state == "active")
            {
                return null;
            }
            if (state == "failed")
            {
                return $"{unit} failed to start (see journalctl -u {unit})";
            }
            await Task.Delay(500, cancellationToken);
        }
        return $"{unit} did not report ready within {timeout.TotalSeconds:F0} s";
    }

    /// <summary>cage/Chromium read kiosk.env only at start; try-restart leaves a stopped display stopped.</summary>
    public async Task DisplayChangedAsync(CancellationToken cancellationToken)
    {
        if (await RunAsync(["try-restart", KioskUnit], cancellationToken) is null)
        {
            Notes.Add($"{KioskUnit} was not restarted; the new display settings apply at its next start");
        }
    }

    public const string KioskUnit = "appliance-kiosk.service";

    public DeviceFacts Facts()
    {
        var id = DeviceIdentity.Resolve(deviceIdFile);
        string? fingerprint = null;
        if (certificatePath is not null && File.Exists(certificatePath))
        {
            using var cert = X509Certificate2.CreateFromPemFile(certificatePath);
            fingerprint = Convert.ToHexString(SHA256.HashData(cert.RawData));
        }
        return new DeviceFacts(id, fingerprint, null, null);
    }

    private static async Task<string?> RunAsync(string[] args, CancellationToken ct)
    {
        try
        {
            var psi = new ProcessStartInfo("systemctl") { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var a in args)
            {
                psi.ArgumentList.Add(a);
            }
            using var p = Process.Start(psi)!;
            var output = await p.StandardOutput.ReadToEndAsync(ct);
            await p.WaitForExitAsync(ct);
            return p.ExitCode == 0 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
