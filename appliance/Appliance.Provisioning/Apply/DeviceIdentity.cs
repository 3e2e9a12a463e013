using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Appliance.Core.IO;

namespace Appliance.Provisioning.Apply;

/// <summary>
/// The device's identity in provisioning reports. On the image the root file system is read-only, so
/// /etc/machine-id stays "uninitialized" and systemd invents a new, transient ID at every boot; the first
/// ID seen is therefore kept in the writable state folder and used from then on.
/// </summary>
public static partial class DeviceIdentity
{
    public const string DefaultIdFile = "/var/lib/appliance/device-id";

    public static string Resolve(string idFile = DefaultIdFile, string machineIdFile = "/etc/machine-id")
    {
        var kept = ReadId(idFile);
        if (kept is not null)
        {
            return kept;
        }
        var id = ReadId(machineIdFile) ?? Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
        try
        {
            AtomicFile.WriteAllText(idFile, id + "\n");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A read-only or missing state folder (dry run on a developer machine): the ID is still reported.
        }
        return id;
    }

    private static string? ReadId(string path)
    {
        try
        {
            var text = File.Exists(path) ? File.ReadAllText(path).Trim() : null;
            return text is not null && MachineId().IsMatch(text) ? text : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>machine-id(5): 32 lower-case hexadecimal characters; "uninitialized" and garbage are not IDs.</summary>
    [GeneratedRegex("^[0-9a-f]{32}$")]
    private static partial Regex MachineId();
}
