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
