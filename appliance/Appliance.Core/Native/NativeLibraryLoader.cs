using System.Reflection;
using System.Runtime.InteropServices;

namespace Appliance.Core.Native;

/// <summary>
/// The one way every interop assembly loads its C library: exact (versioned) file names, tried in a
/// known order of folders, every attempt and its dlerror kept for the error message. Loading is
/// explicit (call <see cref="Load"/> from an Initialize method), never from a static constructor, so a
/// failed load is an ordinary exception that can be reported and retried.
/// </summary>
public static class NativeLibraryLoader
{
    /// <summary>
    /// Tries each candidate in order. A candidate is either an absolute path or a bare file name that
    /// the dynamic linker resolves itself (for Debian libraries such as libportaudio.so.2).
    /// </summary>
    /// <exception cref="NativeLibraryLoadException">No candidate loaded; the message lists every path and error.</exception>
    public static IntPtr Load(string library, IEnumerable<string> candidates)
    {
        var attempts = new List<string>();
        foreach (var candidate in candidates)
        {
            if (Path.IsPathRooted(candidate) && !File.Exists(candidate))
            {
                attempts.Add($"{candidate}: no such file");
                continue;
            }
            try
            {
                return NativeLibrary.Load(candidate);
            }
            catch (DllNotFoundException e)
            {
                attempts.Add($"{candidate}: {e.Message}");
            }
            catch (BadImageFormatException e)
            {
                attempts.Add($"{candidate}: not a loadable library for this process ({e.Message})");
            }
        }
        throw new NativeLibraryLoadException(library, attempts);
    }

    /// <summary>
    /// Installs a resolver for <paramref name="assembly"/> that maps the import name
    /// <paramref name="importName"/> to an already loaded handle. Call once per interop assembly.
    /// </summary>
    public static void Resolve(Assembly assembly, IReadOnlyDictionary<string, IntPtr> handles)
    {
        NativeLibrary.SetDllImportResolver(assembly, (name, _, _) =>
            handles.TryGetValue(name, out var handle) ? handle : IntPtr.Zero);
    }
}

/// <summary>A native library could not be loaded from any of the places it is expected.</summary>
public sealed class NativeLibraryLoadException : Exception
{
    public NativeLibraryLoadException(string library, IReadOnlyList<string> attempts)
        : base($"could not load {library}; tried:{Environment.NewLine}  " + string.Join(Environment.NewLine + "  ", attempts)
               + Environment.NewLine + "Run image/dev/setup (from a checkout) or reinstall the appliance image.")
    {
        Library = library;
        Attempts = attempts;
    }

    public string Library { get; }

    public IReadOnlyList<string> Attempts { get; }
}
