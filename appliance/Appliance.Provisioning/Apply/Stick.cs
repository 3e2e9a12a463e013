using Appliance.Drivers.Linux.Interop;
using Appliance.Provisioning.Document;

namespace Appliance.Provisioning.Apply;

/// <summary>
/// The folder on a USB stick holding provisioning.yaml. Every file the document names is resolved
/// inside it: absolute paths, '..' and symbolic links that lead outside the stick are refused.
/// </summary>
public sealed class Stick
{
    public const string DocumentName = "provisioning.yaml";
    public const string ManifestName = "bundle.manifest";
    public const string ReportFolder = "appliance-report";

    public Stick(string folder)
    {
        var real = Libc.RealPath(folder);
        if (real is null || !Directory.Exists(real))
        {
            throw new ProvisioningException($"{folder}: no such folder (is the stick mounted?)");
        }
        Root = real;
        if (!File.Exists(DocumentPath))
        {
            throw new ProvisioningException($"{folder}: no {DocumentName} at the top of the stick");
        }
    }

    public string Root { get; }

    public string DocumentPath => Path.Combine(Root, DocumentName);

    public string ManifestPath => Path.Combine(Root, ManifestName);

    /// <summary>The real path of a file the document references, or a problem description.</summary>
    public (string? Path, string? Problem) Resolve(string relative, string field)
    {
        if (string.IsNullOrWhiteSpace(relative))
        {
            return (null, $"{field}: empty file name");
        }
        if (Path.IsPathRooted(relative) || relative.Split('/', '\\').Contains(".."))
        {
            return (null, $"{field}: '{relative}' must be a path inside the stick (no leading '/' and no '..')");
        }
        var joined = Path.Combine(Root, relative);
        var real = Libc.RealPath(joined);
        if (real is null)
        {
            return (null, $"{field}: '{relative}' is not on the stick");
        }
        if (!real.StartsWith(Root + "/", StringComparison.Ordinal))
        {
            return (null, $"{field}: '{relative}' is a link to {real}, outside the stick; refused");
        }
        if (!File.Exists(real))
        {
            return (null, $"{field}: '{relative}' is not a regular file");
        }
        return (real, null);
    }
}
