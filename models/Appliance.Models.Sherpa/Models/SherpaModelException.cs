namespace Appliance.Models.Sherpa.Models;

/// <summary>
/// A model or config sherpa-onnx cannot use, reported before (or instead of) a native failure. The
/// message names the config field and the path so a technician knows which file to fix.
/// </summary>
public sealed class SherpaModelException(string message) : Exception(message);
