namespace Appliance.Models.Sherpa.Native;

/// <summary>
/// The loaded libsherpa-onnx-c-api.so is not the build whose structs we mirror; using it would
/// misread every config struct (fields moved between releases), so we refuse it.
/// </summary>
public sealed class SherpaVersionMismatchException(string expected, string actual)
    : Exception($"libsherpa-onnx-c-api.so reports version '{(actual.Length == 0 ? "(none)" : actual)}' but this binding mirrors c-api.h of {expected}; " +
                "install npm sherpa-onnx-linux-x64@" + expected + " (image/dev/setup)")
{
    public string Expected { get; } = expected;

    public string Actual { get; } = actual;
}
