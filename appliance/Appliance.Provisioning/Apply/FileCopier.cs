using System.Security.Cryptography;
using Appliance.Provisioning.Document;

namespace Appliance.Provisioning.Apply;

/// <summary>Copies (or only reads, in a dry run) a file while hashing it, flushed to disk, with progress.</summary>
internal static class FileCopier
{
    private const int Block = 1 << 20;

    /// <summary>Returns the SHA-256 (lower-case hex) of what was read.</summary>
    public static string CopyAndHash(string source, string? destination, string label, Action<long> advanced, CancellationToken ct)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[Block];
        FileStream? output = null;
        try
        {
            using var input = new FileStream(source, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1, FileOptions.SequentialScan);
            if (destination is not null)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
                output = new FileStream(destination, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1);
            }
            int n;
            while ((n = Read(input, buffer, label)) > 0)
            {
                ct.ThrowIfCancellationRequested();
                hash.AppendData(buffer, 0, n);
                try
                {
                    output?.Write(buffer, 0, n);
                }
                catch (IOException e)
                {
                    throw new ProvisioningException($"{label}: writing to the device failed: {e.Message} (disk full?)");
                }
                advanced(n);
            }
            output?.Flush(flushToDisk: true);
        }
        finally
        {
            output?.Dispose();
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static int Read(FileStream input, byte[] buffer, string label)
    {
        try
        {
            return input.Read(buffer, 0, buffer.Length);
        }
        catch (IOException e)
        {
            throw new ProvisioningException($"{label}: reading from the stick failed: {e.Message} (was the stick pulled out?)");
        }
    }
}
