namespace Appliance.Provisioning.Apply;

/// <summary>
/// The running appliance as provisioning sees it: restart on the configuration `current` points to,
/// then report whether it became ready in time. Under systemd this is `systemctl restart` and waiting
/// for READY=1; tests use a fake.
/// </summary>
public interface IProvisioningTarget
{
    /// <summary>Returns null when the appliance became ready, else why not.</summary>
    Task<string?> RestartAndWaitReadyAsync(TimeSpan timeout, CancellationToken cancellationToken);

    /// <summary>What the report shows about this device.</summary>
    DeviceFacts Facts();

    /// <summary>The kiosk display settings changed (kiosk.env replaced): restart the display if it runs.</summary>
    Task DisplayChangedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <param name="DeviceId">the persistent device ID (see DeviceIdentity: /etc/machine-id as first seen).</param>
/// <param name="CertificateFingerprint">SHA-256 of the admin API's device certificate, when it exists.</param>
/// <param name="Capabilities">One-line summary of CPU capabilities and the selected LLM path.</param>
/// <param name="Benchmark">One-line benchmark summary, when one has run.</param>
public sealed record DeviceFacts(string DeviceId, string? CertificateFingerprint, string? Capabilities, string? Benchmark);
