namespace Appliance.Models.OnnxRuntime;

/// <summary>enum OrtLoggingLevel: the least severe message ONNX Runtime prints (to stderr).</summary>
public enum OrtLoggingLevel
{
    Verbose = 0,
    Info = 1,
    Warning = 2,
    Error = 3,
    Fatal = 4,
}
