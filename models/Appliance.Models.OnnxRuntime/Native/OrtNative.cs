using System.Runtime.InteropServices;
using Appliance.Core.Native;

namespace Appliance.Models.OnnxRuntime.Native;

/// <summary>
/// The one exported entry point (OrtGetApiBase) and the API table it leads to. Loaded by
/// <see cref="OnnxRuntimeLibrary.Initialize"/>, never from a static constructor.
/// </summary>
internal static unsafe partial class OrtNative
{
    public const string LibraryName = "onnxruntime";

    private static OrtApi* api;

    /// <summary>The API table; throws when <see cref="OnnxRuntimeLibrary.Initialize"/> has not succeeded.</summary>
    public static OrtApi* Api => api != null ? api
        : throw new InvalidOperationException("ONNX Runtime is not initialised; call OnnxRuntimeLibrary.Initialize() first");

    public static bool IsReady => api != null;

    [LibraryImport(LibraryName)]
    internal static partial OrtApiBase* OrtGetApiBase();

    internal static void SetApi(OrtApi* table) => api = table;

    /// <summary>
    /// Turns an OrtStatus into an exception carrying ORT's own message, and releases the status.
    /// A NULL status means success.
    /// </summary>
    public static void Check(OrtStatus* status, string what)
    {
        if (status == null)
        {
            return;
        }
        var a = Api;
        var code = a->GetErrorCode(status);
        var message = Marshal.PtrToStringUTF8((IntPtr)a->GetErrorMessage(status)) ?? "(no message)";
        a->ReleaseStatus(status);
        throw new OnnxRuntimeException(code, $"{what}: {message}");
    }

    /// <summary>A UTF-8, NUL-terminated copy of <paramref name="s"/> in native memory; free with <see cref="NativeMemory.Free"/>.</summary>
    public static byte* Utf8(string s)
    {
        var count = System.Text.Encoding.UTF8.GetByteCount(s);
        var p = (byte*)NativeMemory.Alloc((nuint)count + 1);
        System.Text.Encoding.UTF8.GetBytes(s, new Span<byte>(p, count));
        p[count] = 0;
        return p;
    }
}
