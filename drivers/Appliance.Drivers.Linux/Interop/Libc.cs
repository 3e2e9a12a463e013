using System.Runtime.InteropServices;

namespace Appliance.Drivers.Linux.Interop;

/// <summary>The few libc calls the device drivers need. errno is captured (SetLastError) for messages.</summary>
public static unsafe partial class Libc
{
    private const string Library = "libc";

    public const int O_RDONLY = 0x0000;
    public const int O_WRONLY = 0x0001;
    public const int O_RDWR = 0x0002;
    public const int O_CLOEXEC = 0x80000;

    public const short POLLIN = 0x0001;

    [LibraryImport(Library, EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int open(string pathname, int flags);

    [LibraryImport(Library, EntryPoint = "close", SetLastError = true)]
    public static partial int close(int fd);

    [LibraryImport(Library, EntryPoint = "ioctl", SetLastError = true)]
    public static partial int ioctl(int fd, nuint request, void* argp);

    [LibraryImport(Library, EntryPoint = "read", SetLastError = true)]
    public static partial nint read(int fd, void* buf, nuint count);

    [LibraryImport(Library, EntryPoint = "poll", SetLastError = true)]
    public static partial int poll(pollfd* fds, nuint nfds, int timeout);

    public const int O_DIRECTORY = 0x10000;

    [LibraryImport(Library, EntryPoint = "fsync", SetLastError = true)]
    public static partial int fsync(int fd);

    /// <summary>Flushes a directory's entries (a rename or new file in it) to disk.</summary>
    public static void FsyncDirectory(string path)
    {
        var fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        if (fd < 0)
        {
            throw new IOException($"cannot open directory {path} to sync it: {LastError()}");
        }
        try
        {
            if (fsync(fd) < 0)
            {
                throw new IOException($"cannot sync directory {path}: {LastError()}");
            }
        }
        finally
        {
            close(fd);
        }
    }

    [LibraryImport(Library, EntryPoint = "link", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int link(string oldpath, string newpath);

    /// <summary>Creates a hard link (same file system only).</summary>
    public static void HardLink(string existing, string newPath)
    {
        if (link(existing, newPath) < 0)
        {
            throw new IOException($"cannot link {newPath} to {existing}: {LastError()}");
        }
    }

    [LibraryImport(Library, EntryPoint = "rename", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int rename(string oldpath, string newpath);

    /// <summary>rename(2): atomically replaces <paramref name="newPath"/> (also when both are symbolic links).</summary>
    public static void Rename(string oldPath, string newPath)
    {
        if (rename(oldPath, newPath) < 0)
        {
            throw new IOException($"cannot rename {oldPath} to {newPath}: {LastError()}");
        }
    }

    [LibraryImport(Library, EntryPoint = "realpath", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial byte* realpath(string path, byte* resolved);

    [LibraryImport(Library, EntryPoint = "free")]
    private static partial void free(void* p);

    /// <summary>The canonical absolute path with every symbolic link resolved, or null when it does not exist.</summary>
    public static string? RealPath(string path)
    {
        var resolved = realpath(path, null);
        if (resolved is null)
        {
            return null;
        }
        try
        {
            return Marshal.PtrToStringUTF8((nint)resolved);
        }
        finally
        {
            free(resolved);
        }
    }

    [LibraryImport(Library, EntryPoint = "strerror")]
    private static partial byte* strerror(int errnum);

    /// <summary>The C library's text for an errno value.</summary>
    public static string ErrorText(int errno) => Marshal.PtrToStringUTF8((nint)strerror(errno)) ?? $"errno {errno}";

    /// <summary>The last call's errno and its text, e.g. "ENOENT (2): No such file or directory".</summary>
    public static string LastError()
    {
        var errno = Marshal.GetLastPInvokeError();
        return $"errno {errno}: {ErrorText(errno)}";
    }

    [StructLayout(LayoutKind.Sequential)]
    public struct pollfd
    {
        public int fd;
        public short events;
        public short revents;
    }
}
