using Appliance.Avatar.Hub;
using Appliance.Devices.Updates;
using Appliance.Provisioning.Apply;
using Appliance.Provisioning.Progress;
using Microsoft.Extensions.Hosting;

namespace Appliance.Host.Runtime;

/// <summary>Provisioning progress → the kiosk page's "updating…" overlay (and its snapshot for pages that connect later).</summary>
internal sealed class UpdatingOverlay(UpdateMonitor updates, AvatarHub hub) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        updates.Changed += OnChanged;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        updates.Changed -= OnChanged;
        return Task.CompletedTask;
    }

    public static UpdatingNotice? Notice(ProvisioningStatus? s) =>
        s is null ? null : new UpdatingNotice(s.Label, s.Fraction, s.IsFinal, s.Phase == ProvisioningPhase.Failed);

    private void OnChanged(ProvisioningStatus? status) => _ = hub.SetUpdatingAsync(Notice(status));
}
