namespace Appliance.Provisioning.Apply;

/// <param name="StateDir">Root of the versioned configurations (default /var/lib/appliance/config).</param>
/// <param name="TrustedKeyDirs">Folders of trusted public keys (/etc/appliance/trusted-keys, /usr/lib/appliance/keys).</param>
/// <param name="AllowUnsignedInFactory">Accept an unsigned stick while the device is in factory state.</param>
/// <param name="KeepVersions">Configurations kept for `provision rollback`, the current one included.</param>
/// <param name="ReadyTimeout">How long the restarted appliance has to become ready before rollback.</param>
/// <param name="DiskMarginBytes">Free space that must remain on the state partition after copying.</param>
/// <param name="KioskEnvPath">The kiosk display EnvironmentFile written from display.* (KioskEnv); null = not managed.</param>
public sealed record ProvisioningOptions(
    string StateDir,
    IReadOnlyList<string> TrustedKeyDirs,
    bool AllowUnsignedInFactory = false,
    int KeepVersions = 3,
    TimeSpan? ReadyTimeout = null,
    long DiskMarginBytes = 64L << 20,
    string? KioskEnvPath = null)
{
    public const string DefaultStateDir = "/var/lib/appliance/config";
    public static readonly string[] DefaultTrustedKeyDirs = ["/etc/appliance/trusted-keys", "/usr/lib/appliance/keys"];

    public TimeSpan Ready => ReadyTimeout ?? TimeSpan.FromSeconds(90);
}
