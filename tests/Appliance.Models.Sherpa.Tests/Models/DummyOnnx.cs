using System.Text;

namespace Appliance.Models.Sherpa.Tests.Models;

/// <summary>
/// Writes stand-in model files: a protobuf ModelProto with ir_version, optional metadata_props and
/// (optionally) an empty graph field. Enough for folder detection; not runnable.
/// </summary>
internal static class DummyOnnx
{
    public static void Write(string path, IReadOnlyDictionary<string, string>? metadata = null, bool withGraph = false)
    {
        var bytes = new List<byte> { 0x08, 0x08 }; // ir_version = 8
        foreach (var (key, value) in metadata ?? new Dictionary<string, string>())
        {
            var entry = new List<byte>();
            AddString(entry, 1, key);
            AddString(entry, 2, value);
            bytes.Add(14 << 3 | 2);
            AddVarint(bytes, entry.Count);
            bytes.AddRange(entry);
        }
        if (withGraph)
        {
            var graph = new List<byte>();
            AddString(graph, 2, "g"); // GraphProto.name
            bytes.Add(7 << 3 | 2);
            AddVarint(bytes, graph.Count);
            bytes.AddRange(graph);
        }
        File.WriteAllBytes(path, [.. bytes]);
    }

    /// <summary>Creates a folder with the given files; names ending in / become folders, *.onnx dummy models.</summary>
    public static string Folder(string root, string name, params string[] entries) =>
        Folder(root, name, new Dictionary<string, string>(), entries);

    public static string Folder(string root, string name, IReadOnlyDictionary<string, string> metadata, params string[] entries)
    {
        var dir = Path.Combine(root, name);
        Directory.CreateDirectory(dir);
        foreach (var entry in entries)
        {
            var path = Path.Combine(dir, entry);
            if (entry.EndsWith('/'))
            {
                Directory.CreateDirectory(path);
            }
            else if (entry.EndsWith(".onnx", StringComparison.Ordinal))
            {
                Write(path, metadata);
            }
            else
            {
                File.WriteAllText(path, "dummy\n");
            }
        }
        return dir;
    }

    private static void AddString(List<byte> to, int field, string text)
    {
        var utf8 = Encoding.UTF8.GetBytes(text);
        to.Add((byte)(field << 3 | 2));
        AddVarint(to, utf8.Length);
        to.AddRange(utf8);
    }

    private static void AddVarint(List<byte> to, int value)
    {
        var v = (uint)value;
        while (v >= 0x80)
        {
            to.Add((byte)(v | 0x80));
            v >>= 7;
        }
        to.Add((byte)v);
    }
}
