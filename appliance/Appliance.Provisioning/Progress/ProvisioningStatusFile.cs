using System.Text.Json;
using System.Text.Json.Serialization;
using Appliance.Provisioning.Apply;

namespace Appliance.Provisioning.Progress;

/// <summary>
/// The hand-over between the `appliance provision` process and the running service: one small JSON
/// file replaced atomically (write beside, rename), so a reader never sees half a file. A file rather
/// than a socket because the service restarts in the middle of an apply and may not run at all: a
/// service that starts later still finds the current state. The writer needs no permission on the
/// service's side and the reader only reads, which works under ProtectSystem=strict.
/// </summary>
public static class ProvisioningStatusFile
{
    /// <summary>On tmpfs (gone after a reboot); the directory comes from tmpfiles.d, outside any unit's RuntimeDirectory.</summary>
    public const string DefaultPath = "/run/appliance-provision/progress.json";

    public const string PathVariable = "APPLIANCE_PROVISION_PROGRESS";

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    /// <summary>$APPLIANCE_PROVISION_PROGRESS, else <see cref="DefaultPath"/>.</summary>
    public static string ConfiguredPath => Environment.GetEnvironmentVariable(PathVariable) is { Length: > 0 } p ? p : DefaultPath;

    public static void Write(string path, ProvisioningStatus status)
    {
        var temp = $"{path}.{Environment.ProcessId}.tmp";
        File.WriteAllBytes(temp, JsonSerializer.SerializeToUtf8Bytes(status, Json));
        if (!OperatingSystem.IsWindows())
        {
            // Readable by the service's user and the kiosk; written only by provisioning (root).
            File.SetUnixFileMode(temp, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        }
        File.Move(temp, path, overwrite: true);
    }

    /// <summary>The status in the file, or null when there is none or it cannot be read (never throws).</summary>
    public static ProvisioningStatus? TryRead(string path)
    {
        try
        {
            return File.Exists(path) ? JsonSerializer.Deserialize<ProvisioningStatus>(File.ReadAllBytes(path), Json) : null;
        }
        catch (Exception e) when (e is IOException or JsonException or UnauthorizedAccessException or NotSupportedException)
        {
            return null;
        }
    }

    /// <summary>
    /// Whether the status should be shown now: a running apply while its process lives, a final state
    /// for <paramref name="linger"/> after it was written. A process killed mid-copy leaves a stale file
    /// that is ignored.
    /// </summary>
    public static bool IsCurrent(ProvisioningStatus status, DateTimeOffset now, TimeSpan linger, Func<int, bool>? processAlive = null)
    {
        if (status.IsFinal)
        {
            return now - status.Updated <= linger;
        }
        return (processAlive ?? ProcessAlive)(status.Pid);
    }

    private static bool ProcessAlive(int pid) => pid > 0 && Directory.Exists($"/proc/{pid}");

    internal static ProvisioningStatus From(ProvisioningProgress p, bool dryRun, DateTimeOffset now) =>
        new(p.Phase, p.Detail, p.BytesDone, p.BytesTotal, Environment.ProcessId, now, dryRun,
            p.Phase is ProvisioningPhase.Done or ProvisioningPhase.Failed ? p.Detail : null);
}
