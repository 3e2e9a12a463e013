namespace Appliance.Models.Sherpa.Models;

/// <summary>File-name queries over one model folder (top level only, as release archives unpack).</summary>
internal sealed class FolderView(string path)
{
    private readonly string[] files = Directory.GetFiles(path).Order(StringComparer.Ordinal).ToArray();

    public string Path { get; } = path;

    public IEnumerable<string> Onnx() => files.Where(f => f.EndsWith(".onnx", StringComparison.OrdinalIgnoreCase));

    /// <summary>An .onnx whose name starts with <paramref name="stem"/> or contains "-stem"/"_stem" (e.g. tiny.en-encoder.onnx).</summary>
    public string? Find(string stem) => ModelFolderDetector.Prefer(Onnx().Where(f =>
    {
        var n = System.IO.Path.GetFileName(f).ToLowerInvariant();
        return n.StartsWith(stem, StringComparison.Ordinal) || n.Contains("-" + stem, StringComparison.Ordinal) || n.Contains("_" + stem, StringComparison.Ordinal)
            || n.Contains("." + stem, StringComparison.Ordinal);
    }));

    /// <summary>tokens.txt, or the Whisper style "&lt;name&gt;-tokens.txt".</summary>
    public string? Tokens() => File("tokens.txt") ?? files.FirstOrDefault(f => f.EndsWith("-tokens.txt", StringComparison.Ordinal));

    public string? File(string name) => files.FirstOrDefault(f => System.IO.Path.GetFileName(f) == name);

    public string? Dir(string name)
    {
        var dir = System.IO.Path.Combine(Path, name);
        return Directory.Exists(dir) ? dir : null;
    }

    public string Listing() => files.Length == 0 ? "(no files)"
        : string.Join(", ", files.Take(12).Select(System.IO.Path.GetFileName)) + (files.Length > 12 ? $" and {files.Length - 12} more" : string.Empty);
}
