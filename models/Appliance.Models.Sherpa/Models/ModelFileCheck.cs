namespace Appliance.Models.Sherpa.Models;

/// <summary>
/// Checks configured files in C# before a native create call. sherpa-onnx validates existence
/// itself (and returns NULL), but a file that exists and is not an ONNX model reaches onnxruntime,
/// whose parse error terminates the process; we refuse such files first.
/// </summary>
public static class ModelFileCheck
{
    /// <summary>The file must exist; <paramref name="field"/> is the C config field, e.g. "silero_vad.model".</summary>
    public static string RequireFile(string field, string? path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new SherpaModelException($"{field}: no file configured");
        }
        if (Directory.Exists(path))
        {
            throw new SherpaModelException($"{field}: '{path}' is a folder, expected a file");
        }
        if (!File.Exists(path))
        {
            throw new SherpaModelException($"{field}: '{path}' does not exist");
        }
        return Path.GetFullPath(path);
    }

    /// <summary>
    /// The file must exist and look like a serialized ONNX ModelProto: protobuf field 1 (ir_version,
    /// varint) comes first in every exporter's output, so the first byte is 0x08.
    /// </summary>
    public static string RequireOnnx(string field, string? path)
    {
        var full = RequireFile(field, path);
        using var stream = File.OpenRead(full);
        var first = stream.ReadByte();
        if (stream.Length < 16 || first != 0x08)
        {
            throw new SherpaModelException($"{field}: '{path}' is not an ONNX model ({stream.Length} bytes, does not start with an ONNX header)");
        }
        return full;
    }

    /// <summary>A folder that must exist (e.g. espeak-ng-data for "vits.data_dir").</summary>
    public static string RequireDirectory(string field, string? path)
    {
        if (string.IsNullOrWhiteSpace(path) || !Directory.Exists(path))
        {
            throw new SherpaModelException($"{field}: folder '{path}' does not exist");
        }
        return Path.GetFullPath(path);
    }
}
