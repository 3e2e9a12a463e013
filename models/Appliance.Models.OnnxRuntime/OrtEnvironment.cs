using Appliance.Models.OnnxRuntime.Native;

namespace Appliance.Models.OnnxRuntime;

/// <summary>
/// The process's ONNX Runtime environment (logging, global state). Sessions keep it alive: disposing it
/// while sessions are open only drops this reference.
/// </summary>
public sealed unsafe class OrtEnvironment : IDisposable
{
    private OrtEnvironment(OrtEnvHandle handle) => Handle = handle;

    internal OrtEnvHandle Handle { get; }

    /// <param name="logLevel">The least severe message ONNX Runtime prints to stderr.</param>
    /// <param name="logId">Tag on ORT's log lines.</param>
    public static OrtEnvironment Create(OrtLoggingLevel logLevel = OrtLoggingLevel.Warning, string logId = "appliance")
    {
        OnnxRuntimeLibrary.Initialize();
        var id = OrtNative.Utf8(logId);
        try
        {
            OrtEnv* env = null;
            OrtNative.Check(OrtNative.Api->CreateEnv(logLevel, id, &env), "creating the ONNX Runtime environment");
            if (env == null)
            {
                throw new OnnxRuntimeException(OrtErrorCode.Fail, "CreateEnv returned no environment");
            }
            return new OrtEnvironment(new OrtEnvHandle(env));
        }
        finally
        {
            System.Runtime.InteropServices.NativeMemory.Free(id);
        }
    }

    public void Dispose() => Handle.Dispose();
}
