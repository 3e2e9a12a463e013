using System.Security.Cryptography;

namespace Appliance.Provisioning.Signing;

/// <summary>
/// The public keys this device accepts signatures from: every *.pem in the configured folders (the
/// operator's /etc/appliance/trusted-keys and the factory key baked into the image).
/// </summary>
public sealed class TrustStore : IDisposable
{
    private readonly Dictionary<string, (ECDsa Key, string Source)> _keys = [];

    public TrustStore(IEnumerable<string> folders)
    {
        foreach (var folder in folders.Where(Directory.Exists))
        {
            foreach (var pem in Directory.EnumerateFiles(folder, "*.pem").Order())
            {
                var text = File.ReadAllText(pem);
                if (text.Contains("PRIVATE KEY", StringComparison.Ordinal))
                {
                    LoadErrors.Add($"{pem}: a private key does not belong in a trusted-keys folder; ignored (remove it from the device)");
                    continue;
                }
                var key = ECDsa.Create();
                try
                {
                    key.ImportFromPem(text);
                }
                catch (Exception e) when (e is ArgumentException or CryptographicException)
                {
                    key.Dispose();
                    LoadErrors.Add($"{pem}: not an EC public key ({e.Message})");
                    continue;
                }
                if (key.KeySize != 256)
                {
                    key.Dispose();
                    LoadErrors.Add($"{pem}: not a P-256 key");
                    continue;
                }
                _keys.TryAdd(DetachedSignature.KeyIdOf(key), (key, pem));
            }
        }
    }

    public int Count => _keys.Count;

    public List<string> LoadErrors { get; } = [];

    /// <summary>Verifies <paramref name="file"/> against FILE.sig; returns the trusted key's source, or throws why not.</summary>
    public string Verify(string file)
    {
        var sigPath = file + DetachedSignature.Suffix;
        if (!File.Exists(sigPath))
        {
            throw new CryptographicException($"{Path.GetFileName(file)} is not signed (no {Path.GetFileName(sigPath)})");
        }
        var signature = DetachedSignature.Parse(File.ReadAllText(sigPath), Path.GetFileName(sigPath));
        if (!_keys.TryGetValue(signature.KeyId, out var trusted))
        {
            throw new CryptographicException(
                $"{Path.GetFileName(file)} is signed by key {signature.KeyId}, which this device does not trust ({_keys.Count} trusted key(s))");
        }
        if (!trusted.Key.VerifyData(File.ReadAllBytes(file), signature.Signature, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence))
        {
            throw new CryptographicException($"{Path.GetFileName(file)}: the signature does not match the content (modified after signing?)");
        }
        return trusted.Source;
    }

    public void Dispose()
    {
        foreach (var (key, _) in _keys.Values)
        {
            key.Dispose();
        }
    }
}
