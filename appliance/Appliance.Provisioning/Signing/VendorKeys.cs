using System.Security.Cryptography;

namespace Appliance.Provisioning.Signing;

/// <summary>Vendor-side tools: make a key pair, sign a stick.</summary>
public static class VendorKeys
{
    /// <summary>Writes NAME.key.pem (private, mode 0600) and NAME.pem (public, for devices' trusted-keys).</summary>
    public static (string PrivatePath, string PublicPath, string KeyId) Generate(string folder, string name)
    {
        Directory.CreateDirectory(folder);
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var privatePath = Path.Combine(folder, name + ".key.pem");
        var publicPath = Path.Combine(folder, name + ".pem");
        if (File.Exists(privatePath))
        {
            throw new IOException($"{privatePath} exists; refusing to overwrite a private key");
        }
        File.WriteAllText(privatePath, key.ExportPkcs8PrivateKeyPem());
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(privatePath, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        File.WriteAllText(publicPath, key.ExportSubjectPublicKeyInfoPem());
        return (privatePath, publicPath, DetachedSignature.KeyIdOf(key));
    }

    public static ECDsa LoadPrivate(string path)
    {
        var key = ECDsa.Create();
        try
        {
            key.ImportFromPem(File.ReadAllText(path));
            key.ExportParameters(includePrivateParameters: true);
            return key;
        }
        catch (Exception e) when (e is ArgumentException or CryptographicException)
        {
            key.Dispose();
            throw new CryptographicException($"{path}: not an EC private key ({e.Message})");
        }
    }
}
