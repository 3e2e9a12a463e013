using System.Text;

namespace Appliance.Models.Gguf;

/// <summary>
/// Parses a GGUF (v2/v3) header with every length and count checked against the file size, so a
/// truncated or hostile file gives an <see cref="InvalidDataException"/> naming the field, never a huge
/// allocation or a native crash later in llama.cpp.
/// </summary>
public static class GgufReader
{
    private const int MaxDims = 4; // GGML_MAX_DIMS

    public static GgufFile Read(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        try
        {
            return Read(stream);
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"{path}: {e.Message}", e);
        }
    }

    public static GgufFile Read(Stream stream)
    {
        try
        {
            return ReadHeader(stream);
        }
        catch (EndOfStreamException e)
        {
            throw new InvalidDataException("truncated GGUF header", e);
        }
    }

    private static GgufFile ReadHeader(Stream stream)
    {
        var r = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        var length = stream.Length;
        if (length < 24 || r.ReadUInt32() != GgufFile.Magic)
        {
            throw new InvalidDataException("not a GGUF file (magic \"GGUF\" missing)");
        }
        var version = r.ReadUInt32();
        if (version is not (2 or 3))
        {
            throw new InvalidDataException($"unsupported GGUF version {version} (this reader knows 2 and 3)");
        }
        var tensorCount = r.ReadUInt64();
        var kvCount = r.ReadUInt64();
        Check(kvCount <= (ulong)(length / 12), $"metadata count {kvCount} larger than the file allows");
        Check(tensorCount <= (ulong)(length / 24), $"tensor count {tensorCount} larger than the file allows");

        var metadata = new List<GgufMetadata>((int)kvCount);
        for (ulong i = 0; i < kvCount; i++)
        {
            var key = ReadString(r, "metadata key");
            var type = (GgufValueType)r.ReadUInt32();
            metadata.Add(type == GgufValueType.Array ? ReadArray(r, key) : new(key, type, ReadScalar(r, type, key)));
        }
        var alignment = metadata.FirstOrDefault(m => m.Key == "general.alignment")?.Value switch
        {
            uint a => (int)a,
            null => GgufFile.DefaultAlignment,
            var other => throw new InvalidDataException($"general.alignment must be uint32, got {other.GetType().Name}"),
        };
        Check(alignment > 0 && (alignment & (alignment - 1)) == 0, $"general.alignment {alignment} is not a power of two");

        var tensors = new List<GgufTensorInfo>((int)tensorCount);
        for (ulong i = 0; i < tensorCount; i++)
        {
            var name = ReadString(r, "tensor name");
            var nDims = r.ReadUInt32();
            Check(nDims is >= 1 and <= MaxDims, $"tensor {name}: {nDims} dimensions (1..{MaxDims} allowed)");
            var dims = new long[nDims];
            for (var d = 0; d < nDims; d++)
            {
                var n = r.ReadUInt64();
                Check(n is > 0 and < 1UL << 40, $"tensor {name}: dimension {d} = {n}");
                dims[d] = (long)n;
            }
            var type = (GgmlType)r.ReadUInt32();
            Check(GgmlTypeInfo.IsKnown(type), $"tensor {name}: unknown ggml type {(uint)type}");
            var offset = r.ReadUInt64();
            Check(offset % (ulong)alignment == 0, $"tensor {name}: offset {offset} not aligned to {alignment}");
            tensors.Add(new(name, dims, type, (long)offset));
        }
        var dataOffset = Align(stream.Position, alignment);
        foreach (var t in tensors)
        {
            long size;
            try
            {
                size = t.ByteSize;
            }
            catch (Exception e) when (e is OverflowException or InvalidDataException)
            {
                throw new InvalidDataException($"tensor {t.Name}: {e.Message}", e);
            }
            Check(dataOffset + t.Offset + size <= length, $"tensor {t.Name}: data ({size} bytes at {t.Offset}) runs past the end of the file");
        }
        return new(version, metadata, tensors, tensorCount == 0 ? stream.Position : dataOffset, alignment);
    }

    /// <summary>The raw bytes of one tensor.</summary>
    public static byte[] ReadTensorData(string path, GgufFile file, GgufTensorInfo tensor)
    {
        using var stream = File.OpenRead(path);
        stream.Position = file.DataOffset + tensor.Offset;
        var data = new byte[tensor.ByteSize];
        stream.ReadExactly(data);
        return data;
    }

    internal static long Align(long position, int alignment) => (position + alignment - 1) / alignment * alignment;

    private static GgufMetadata ReadArray(BinaryReader r, string key)
    {
        var elementType = (GgufValueType)r.ReadUInt32();
        var count = r.ReadUInt64();
        var remaining = r.BaseStream.Length - r.BaseStream.Position;
        Check(elementType != GgufValueType.Array, $"{key}: nested arrays are not supported");
        Check(count <= (ulong)remaining, $"{key}: array of {count} elements larger than the file");
        var n = (int)count;
        object value = elementType switch
        {
            GgufValueType.String => Fill(n, () => ReadString(r, key)),
            GgufValueType.Float32 => Fill(n, r.ReadSingle),
            GgufValueType.Int32 => Fill(n, r.ReadInt32),
            GgufValueType.UInt32 => Fill(n, r.ReadUInt32),
            GgufValueType.UInt8 => r.ReadBytes(n),
            GgufValueType.Int8 => Fill(n, r.ReadSByte),
            GgufValueType.UInt16 => Fill(n, r.ReadUInt16),
            GgufValueType.Int16 => Fill(n, r.ReadInt16),
            GgufValueType.UInt64 => Fill(n, r.ReadUInt64),
            GgufValueType.Int64 => Fill(n, r.ReadInt64),
            GgufValueType.Float64 => Fill(n, r.ReadDouble),
            GgufValueType.Bool => Fill(n, () => ReadBool(r, key)),
            _ => throw new InvalidDataException($"{key}: unknown array element type {(uint)elementType}"),
        };
        return new(key, GgufValueType.Array, value, elementType);
    }

    private static T[] Fill<T>(int n, Func<T> read)
    {
        var a = new T[n];
        for (var i = 0; i < n; i++)
        {
            a[i] = read();
        }
        return a;
    }

    private static object ReadScalar(BinaryReader r, GgufValueType type, string key) => type switch
    {
        GgufValueType.UInt8 => r.ReadByte(),
        GgufValueType.Int8 => r.ReadSByte(),
        GgufValueType.UInt16 => r.ReadUInt16(),
        GgufValueType.Int16 => r.ReadInt16(),
        GgufValueType.UInt32 => r.ReadUInt32(),
        GgufValueType.Int32 => r.ReadInt32(),
        GgufValueType.Float32 => r.ReadSingle(),
        GgufValueType.Bool => ReadBool(r, key),
        GgufValueType.String => ReadString(r, key),
        GgufValueType.UInt64 => r.ReadUInt64(),
        GgufValueType.Int64 => r.ReadInt64(),
        GgufValueType.Float64 => r.ReadDouble(),
        _ => throw new InvalidDataException($"{key}: unknown value type {(uint)type}"),
    };

    private static bool ReadBool(BinaryReader r, string key)
    {
        var b = r.ReadByte();
        Check(b <= 1, $"{key}: bool byte {b}");
        return b == 1;
    }

    private static string ReadString(BinaryReader r, string what)
    {
        var n = r.ReadUInt64();
        Check(n <= (ulong)(r.BaseStream.Length - r.BaseStream.Position) && n < 1UL << 30, $"{what}: string length {n} past the end of the file");
        return Encoding.UTF8.GetString(r.ReadBytes((int)n));
    }

    private static void Check(bool ok, string message)
    {
        if (!ok)
        {
            throw new InvalidDataException(message);
        }
    }
}
