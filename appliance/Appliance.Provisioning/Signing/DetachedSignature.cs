using System.Security.Cryptography;
using System.Text;

namespace Appliance.Provisioning.Signing;

/// <summary>
/// A detached ECDSA P-256 / SHA-256 signature over a file's exact bytes, stored beside it as
/// FILE.sig in two text lines: "key-id: HEX" (first 16 bytes of the SHA-256 of the signer's
/// SubjectPublicKeyInfo) and "signature: BASE64" (DER-encoded).
/// </summary>
public sealed record DetachedSignature(string KeyId, byte[] Signature)
{
    public const string Suffix = ".sig";

    public static string KeyIdOf(ECDsa key) =>
        Convert.ToHexStringLower(SHA256.HashData(key.ExportSubjectPublicKeyInfo()).AsSpan(0, 16));

    public static DetachedSignature Create(ECDsa privateKey, ReadOnlySpan<byte> data) =>
        new(KeyIdOf(privateKey), privateKey.SignData(data, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence));

    public string Serialize() => $"key-id: {KeyId}\nsignature: {Convert.ToBase64String(Signature)}\n";

    public static DetachedSignature Parse(string text, string name)
    {
        string? keyId = null, signature = null;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.StartsWith("key-id:", StringComparison.Ordinal))
            {
                keyId = line["key-id:".Length..].Trim();
            }
            else if (line.StartsWith("signature:", StringComparison.Ordinal))
            {
                signature = line["signature:".Length..].Trim();
            }
        }
        if (keyId is null || signature is null)
        {
            throw new FormatException($"{name}: not a signature file (expected 'key-id:' and 'signature:' lines)");
        }
        try
        {
            return new DetachedSignature(keyId, Convert.FromBase64String(signature));
        }
        catch (FormatException)
        {
            throw new FormatException($"{name}: the signature is not valid base64");
        }
    }

    public static void WriteBeside(string file, ECDsa privateKey)
    {
        var signature = Create(privateKey, File.ReadAllBytes(file));
        File.WriteAllText(file + Suffix, signature.Serialize(), new UTF8Encoding(false));
    }
}
