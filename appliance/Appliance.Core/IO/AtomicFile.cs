namespace Appliance.Core.IO;

/// <summary>
/// Write-then-rename so a power cut leaves either the old or the new file, never half of one:
/// temp file in the same directory, fsync, rename over the target. A given mode is exactly the file's
/// mode (the temp file is created with it and set to it again, so the process umask neither widens the
/// window nor narrows the result).
/// </summary>
public static class AtomicFile
{
    public static void WriteAllBytes(string path, ReadOnlySpan<byte> content, UnixFileMode? mode = null)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(dir);
        var temp = Path.Combine(dir, $".{Path.GetFileName(path)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (mode is { } m && !OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = m;
            }
            using (var stream = new FileStream(temp, options))
            {
                stream.Write(content);
                stream.Flush(flushToDisk: true);
            }
            if (mode is { } exact && !OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(temp, exact);
            }
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }

    public static void WriteAllText(string path, string content, UnixFileMode? mode = null)
        => WriteAllBytes(path, System.Text.Encoding.UTF8.GetBytes(content), mode);
}
