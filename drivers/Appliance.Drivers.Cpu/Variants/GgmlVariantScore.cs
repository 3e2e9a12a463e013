using Appliance.Core.Native;
using System.Runtime.InteropServices;

namespace Appliance.Drivers.Cpu.Variants;

/// <summary>
/// Asks a shipped variant library for ggml's own verdict: every libggml-cpu-*.so exports
/// <c>int ggml_backend_score(void)</c> (GGML_BACKEND_DL_SCORE_IMPL), 0 when the CPU lacks a required
/// feature. The library is loaded, asked and unloaded; no backend is initialised. ggml checks CPUID
/// only, not the OS-enabled state, which is why the appliance trusts its own detection for usability.
/// </summary>
public static class GgmlVariantScore
{
    public static string? FindLibrary(GgmlCpuVariant variant) =>
        AppliancePaths.NativeDirs("llama").Select(d => Path.Combine(d, variant.FileName)).FirstOrDefault(File.Exists);

    /// <summary>ggml's score for <paramref name="variant"/>, or null when its library is not installed.</summary>
    public static unsafe int? Query(GgmlCpuVariant variant)
    {
        var path = FindLibrary(variant);
        if (path is null)
        {
            return null;
        }
        var handle = NativeLibraryLoader.Load(variant.FileName, [path]);
        try
        {
            var score = (delegate* unmanaged<int>)NativeLibrary.GetExport(handle, "ggml_backend_score");
            return score();
        }
        finally
        {
            NativeLibrary.Free(handle);
        }
    }
}
