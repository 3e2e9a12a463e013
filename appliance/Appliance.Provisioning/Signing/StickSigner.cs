using System.Security.Cryptography;
using Appliance.Provisioning.Apply;
using Appliance.Provisioning.Document;

namespace Appliance.Provisioning.Signing;

/// <summary>
/// Vendor side of `provision sign`: writes bundle.manifest (SHA-256 of every knowledge and safety file
/// the document names; models are already pinned by the sha256 in the document) and signs the
/// document and the manifest.
/// </summary>
public static class StickSigner
{
    public static IReadOnlyList<string> Sign(string stickFolder, ECDsa key)
    {
        var stick = new Stick(stickFolder);
        var document = ProvisioningParser.Parse(File.ReadAllText(stick.DocumentPath));
        var problems = DocumentValidator.Validate(document).ToList();
        var lines = new List<string>();
        foreach (var file in (document.Knowledge ?? []).Concat(document.Safety?.Lists ?? []))
        {
            var (path, problem) = stick.Resolve(file, file);
            if (problem is not null)
            {
                problems.Add(problem);
                continue;
            }
            using var stream = File.OpenRead(path!);
            lines.Add($"{Convert.ToHexStringLower(SHA256.HashData(stream))}  {file.Replace('\\', '/')}");
        }
        if (problems.Count > 0)
        {
            throw new ProvisioningException(problems);
        }
        var signed = new List<string> { stick.DocumentPath };
        if (lines.Count > 0)
        {
            File.WriteAllLines(stick.ManifestPath, lines);
            signed.Add(stick.ManifestPath);
        }
        else if (File.Exists(stick.ManifestPath))
        {
            File.Delete(stick.ManifestPath);
            File.Delete(stick.ManifestPath + DetachedSignature.Suffix);
        }
        foreach (var file in signed)
        {
            DetachedSignature.WriteBeside(file, key);
        }
        return signed;
    }
}
