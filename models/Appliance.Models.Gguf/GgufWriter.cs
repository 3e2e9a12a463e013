using System.Text;

namespace Appliance.Models.Gguf;

/// <summary>
/// Writes GGUF v3: header, metadata, tensor directory, then each tensor's bytes at its aligned offset.
/// Tensor data is produced by a callback at write time so multi-GB models stream without being held
/// in memory.
/// </summary>
public sealed class GgufWriter
{
    private readonly List<GgufMetadata> _metadata = [];
    private readonly List<(GgufTensorInfo Info, Action<Stream> Write)> _tensors = [];
    private long _nextOffset;

    public GgufWriter(int alignment = GgufFile.DefaultAlignment)
    {
        Alignment = alignment;
        if (alignment != GgufFile.DefaultAlignment)
        {
            _metadata.Add(GgufMetadata.UInt32("general.alignment", (uint)alignment));
        }
    }

    public int Alignment { get; }

    public GgufWriter Add(GgufMetadata item)
    {
        if (_metadata.Any(m => m.Key == item.Key))
        {
            throw new ArgumentException($"duplicate GGUF key {item.Key}");
        }
        _metadata.Add(item);
        return this;
    }

    /// <summary>Adds a tensor; <paramref name="write"/> must write exactly its byte size.</summary>
    public GgufWriter AddTensor(string name, IReadOnlyList<long> dims, GgmlType type, Action<Stream> write)
    {
        if (_tensors.Any(t => t.Info.Name == name))
        {
            throw new ArgumentException($"duplicate tensor {name}");
        }
        var info = new GgufTensorInfo(name, dims.ToArray(), type, _nextOffset);
        _nextOffset = GgufReader.Align(_nextOffset + info.ByteSize, Alignment);
        _tensors.Add((info, write));
        return this;
    }

    public GgufWriter AddTensor(string name, IReadOnlyList<long> dims, GgmlType type, byte[] data)
    {
        var expected = GgmlTypeInfo.ByteSize(type, dims);
        if (data.Length != expected)
        {
            throw new ArgumentException($"tensor {name}: {data.Length} bytes given, {type} {string.Join('x', dims)} needs {expected}");
        }
        return AddTensor(name, dims, type, s => s.Write(data));
    }

    /// <summary>Writes to <paramref name="path"/> through a temporary file, so a failure never leaves a half model behind.</summary>
    public void Write(string path)
    {
        var tmp = path + ".partial";
        using (var stream = new FileStream(tmp, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20))
        {
            Write(stream);
        }
        File.Move(tmp, path, overwrite: true);
    }

    public void Write(Stream stream)
    {
        var w = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        w.Write(GgufFile.Magic);
        w.Write(3u);
        w.Write((ulong)_tensors.Count);
        w.Write((ulong)_metadata.Count);
        foreach (var m in _metadata)
        {
            WriteString(w, m.Key);
            w.Write((uint)m.Type);
            if (m.Type == GgufValueType.Array)
            {
                WriteArray(w, m);
            }
            else
            {
                WriteScalar(w, m.Type, m.Value);
            }
        }
        foreach (var (info, _) in _tensors)
        {
            WriteString(w, info.Name);
            w.Write((uint)info.Dims.Count);
            foreach (var d in info.Dims)
            {
                w.Write((ulong)d);
            }
            w.Write((uint)info.Type);
            w.Write((ulong)info.Offset);
        }
        w.Flush();
        Pad(stream);
        var dataStart = stream.Position;
        foreach (var (info, write) in _tensors)
        {
            var before = stream.Position;
            if (before - dataStart != info.Offset)
            {
                throw new InvalidOperationException($"tensor {info.Name} would land at {before - dataStart}, header says {info.Offset}");
            }
            write(stream);
            var written = stream.Position - before;
            if (written != info.ByteSize)
            {
                throw new InvalidOperationException($"tensor {info.Name}: writer produced {written} bytes, expected {info.ByteSize}");
            }
            Pad(stream);
        }
    }

    private void Pad(Stream stream)
    {
        var pad = GgufReader.Align(stream.Position, Alignment) - stream.Position;
        for (var i = 0; i < pad; i++)
        {
            stream.WriteByte(0);
        }
    }

    private static void WriteString(BinaryWriter w, string s)
    {
        var bytes = Encoding.UTF8.GetBytes(s);
        w.Write((ulong)bytes.Length);
        w.Write(bytes);
    }

    private static void WriteArray(BinaryWriter w, GgufMetadata m)
    {
        var type = m.ArrayType ?? throw new ArgumentException($"{m.Key}: array without element type");
        var items = (System.Collections.IList)m.Value;
        w.Write((uint)type);
        w.Write((ulong)items.Count);
        foreach (var item in items)
        {
            WriteScalar(w, type, item!);
        }
    }

    private static void WriteScalar(BinaryWriter w, GgufValueType type, object value)
    {
        switch (type)
        {
            case GgufValueType.UInt8: w.Write((byte)value); break;
            case GgufValueType.Int8: w.Write((sbyte)value); break;
            case GgufValueType.UInt16: w.Write((ushort)value); break;
            case GgufValueType.Int16: w.Write((short)value); break;
            case GgufValueType.UInt32: w.Write((uint)value); break;
            case GgufValueType.Int32: w.Write((int)value); break;
            case GgufValueType.Float32: w.Write((float)value); break;
            case GgufValueType.Bool: w.Write((bool)value ? (byte)1 : (byte)0); break;
            case GgufValueType.String: WriteString(w, (string)value); break;
            case GgufValueType.UInt64: w.Write((ulong)value); break;
            case GgufValueType.Int64: w.Write((long)value); break;
            case GgufValueType.Float64: w.Write((double)value); break;
            default: throw new ArgumentException($"cannot write value type {type}");
        }
    }
}
