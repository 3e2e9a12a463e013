using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Appliance.Core.IO;
using Appliance.Service.Configuration;
using Microsoft.Extensions.Logging;

namespace Appliance.Service.Security;

/// <summary>
/// The device's TLS certificate: self-signed ECDSA P-256, generated on first start and kept in the
/// state dir (secrets/device.pfx, 0600), so its SHA-256 fingerprint — shown on the status page and
/// in the provisioning report — stays the same across restarts. Technicians pin that fingerprint.
/// </summary>
public sealed class DeviceCertificate(ServiceOptions options, ILogger<DeviceCertificate> logger)
{
    private readonly Lazy<X509Certificate2> _certificate = new(() => LoadOrCreate(options, logger));

    public string PfxPath { get; } = Path.Combine(options.StateDir, "secrets", "device.pfx");

    public X509Certificate2 Certificate => _certificate.Value;

    /// <summary>SHA-256 of the DER certificate as colon-separated upper-case hex.</summary>
    public string Fingerprint => string.Join(':', Certificate.GetCertHash(HashAlgorithmName.SHA256).Select(b => b.ToString("X2")));

    private static X509Certificate2 LoadOrCreate(ServiceOptions options, ILogger logger)
    {
        var path = Path.Combine(options.StateDir, "secrets", "device.pfx");
        if (File.Exists(path))
        {
            return X509CertificateLoader.LoadPkcs12FromFile(path, null, X509KeyStorageFlags.Exportable);
        }
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var host = Dns.GetHostName();
        var request = new CertificateRequest($"CN=appliance {host}", key, HashAlgorithmName.SHA256);
        var san = new SubjectAlternativeNameBuilder();
        san.AddDnsName("localhost");
        san.AddDnsName(host);
        san.AddIpAddress(IPAddress.Loopback);
        san.AddIpAddress(IPAddress.IPv6Loopback);
        request.CertificateExtensions.Add(san.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(10));
        AtomicFile.WriteAllBytes(path, created.Export(X509ContentType.Pkcs12), UnixFileMode.UserRead | UnixFileMode.UserWrite);
        logger.LogInformation("Generated the device certificate {Path}", path);
        return X509CertificateLoader.LoadPkcs12FromFile(path, null, X509KeyStorageFlags.Exportable);
    }
}
