using Appliance.Models.OnnxRuntime.Native;

namespace Appliance.Models.OnnxRuntime;

/// <summary>ONNX Runtime refused a call; <see cref="Exception.Message"/> says what we asked and ORT's own reason.</summary>
public sealed class OnnxRuntimeException : Exception
{
    public OnnxRuntimeException(OrtErrorCode code, string message)
        : base(message)
    {
        Code = code;
    }

    public OrtErrorCode Code { get; }
}
