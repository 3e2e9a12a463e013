using System.Runtime.InteropServices;

namespace Appliance.Models.Llama.Native;

#pragma warning disable CA1707, IDE1006 // C names on purpose

/// <summary>
/// The ggml backend registry (ggml-backend.h) and version functions (ggml.h). Registry functions that
/// load/enumerate backends live in libggml; per-object accessors live in libggml-base.
/// </summary>
public static unsafe partial class GgmlNative
{
    // ---- libggml: dynamic backend loading and the global registry
    [LibraryImport(LibraryNames.Ggml, StringMarshalling = StringMarshalling.Utf8)]
    public static partial IntPtr ggml_backend_load(string path);

    [LibraryImport(LibraryNames.Ggml, StringMarshalling = StringMarshalling.Utf8)]
    public static partial void ggml_backend_load_all_from_path(string dir_path);

    [LibraryImport(LibraryNames.Ggml)]
    public static partial nuint ggml_backend_reg_count();

    [LibraryImport(LibraryNames.Ggml)]
    public static partial IntPtr ggml_backend_reg_get(nuint index);

    [LibraryImport(LibraryNames.Ggml)]
    public static partial nuint ggml_backend_dev_count();

    [LibraryImport(LibraryNames.Ggml)]
    public static partial IntPtr ggml_backend_dev_get(nuint index);

    // ---- libggml-base: accessors
    [LibraryImport(LibraryNames.GgmlBase)]
    public static partial byte* ggml_backend_reg_name(IntPtr reg);

    [LibraryImport(LibraryNames.GgmlBase)]
    public static partial nuint ggml_backend_reg_dev_count(IntPtr reg);

    [LibraryImport(LibraryNames.GgmlBase)]
    public static partial IntPtr ggml_backend_reg_dev_get(IntPtr reg, nuint index);

    /// <summary>Optional entry points of a backend, e.g. "ggml_backend_get_features".</summary>
    [LibraryImport(LibraryNames.GgmlBase, StringMarshalling = StringMarshalling.Utf8)]
    public static partial IntPtr ggml_backend_reg_get_proc_address(IntPtr reg, string name);

    [LibraryImport(LibraryNames.GgmlBase)]
    public static partial byte* ggml_backend_dev_name(IntPtr device);

    [LibraryImport(LibraryNames.GgmlBase)]
    public static partial byte* ggml_backend_dev_description(IntPtr device);

    [LibraryImport(LibraryNames.GgmlBase)]
    public static partial int ggml_backend_dev_type(IntPtr device);

    [LibraryImport(LibraryNames.GgmlBase)]
    public static partial IntPtr ggml_backend_dev_backend_reg(IntPtr device);

    [LibraryImport(LibraryNames.GgmlBase)]
    public static partial byte* ggml_version();

    [LibraryImport(LibraryNames.GgmlBase)]
    public static partial byte* ggml_commit();
}
