using System.Globalization;
using System.Text;
using Appliance.Core.IO;
using Appliance.Drivers.Linux.Interop;
using Appliance.Provisioning.Document;

namespace Appliance.Provisioning.Apply;

/// <summary>
/// The kiosk display settings (provisioning.yaml display.*) as the EnvironmentFile the kiosk units read
/// (image/kiosk: APPLIANCE_DISPLAY_ROTATION, _OUTPUT, _SUBTITLES). Every version records the file that
/// is in force with it (versions/vNNNN/kiosk.env); the installed copy is replaced atomically only once
/// that version is applied and ready, and `provision rollback` puts the previous version's copy back.
/// A failed or rolled-back apply never touches it.
/// </summary>
public static class KioskEnv
{
    public const string FileName = "kiosk.env";

    /// <summary>On the state partition: the image's root (and /etc) is read-only.</summary>
    public const string DefaultPath = "/var/lib/appliance/config/kiosk.env";

    public static string Render(DisplaySection display, string deviceName)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"# Kiosk display of {deviceName}, written by `appliance provision` from provisioning.yaml display.*.\n");
        text.Append("# Read by appliance-kiosk.service; the next provisioning stick replaces it. After a hand edit:\n");
        text.Append("# systemctl restart appliance-kiosk\n");
        text.Append(CultureInfo.InvariantCulture, $"APPLIANCE_DISPLAY_ROTATION={display.Rotation}\n");
        if (!string.IsNullOrEmpty(display.Output))
        {
            text.Append(CultureInfo.InvariantCulture, $"APPLIANCE_DISPLAY_OUTPUT={display.Output}\n");
        }
        text.Append(CultureInfo.InvariantCulture, $"APPLIANCE_DISPLAY_SUBTITLES={(display.Subtitles ? "true" : "false")}\n");
        return text.ToString();
    }

    /// <summary>
    /// Records in the staged version the file that will be in force with it: rendered from the document's
    /// display section, or (section left out) a copy of the installed one.
    /// </summary>
    public static void Stage(ProvisioningDocument document, string staging, string installedPath)
    {
        var target = Path.Combine(staging, FileName);
        if (document.Display is { } display)
        {
            File.WriteAllText(target, Render(display, document.Device.Name));
        }
        else if (File.Exists(installedPath))
        {
            File.Copy(installedPath, target);
        }
    }

    /// <summary>Installs <paramref name="versionDir"/>'s copy atomically; false when it has none or nothing changes.</summary>
    public static bool Install(string versionDir, string installedPath)
    {
        var source = Path.Combine(versionDir, FileName);
        if (!File.Exists(source))
        {
            return false;
        }
        var content = File.ReadAllBytes(source);
        if (File.Exists(installedPath) && File.ReadAllBytes(installedPath).AsSpan().SequenceEqual(content))
        {
            return false;
        }
        // Readable by the service's user and the kiosk; written only by provisioning (root).
        AtomicFile.WriteAllBytes(installedPath, content, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        Libc.FsyncDirectory(Path.GetDirectoryName(Path.GetFullPath(installedPath))!); // the rename itself survives a power cut
        return true;
    }
}
