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
    /// The file must exist and parse as a serialized ONNX ModelProto with a graph (walked at the
    /// protobuf level, graph skipped; see <see cref="OnnxMetadata.Inspect"/>).
    /// </summary>
    public static string RequireOnnx(string field, string? path)
    {
        var full = RequireFile(field, path);
        if (!OnnxMetadata.Inspect(full).IsModel)
        {
            throw new SherpaModelException($"{field}: '{path}' is not an ONNX model ({new FileInfo(full).Length} bytes that do not parse as an ONNX ModelProto with a graph)");
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
