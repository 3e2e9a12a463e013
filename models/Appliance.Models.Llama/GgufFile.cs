using System.Buffers.Binary;
using System.Text;

namespace Appliance.Models.Llama;

/// <summary>
/// Checks a GGUF file in managed code before llama.cpp maps it: magic, version, header counts, that the
/// metadata and tensor table parse inside the file, and that every tensor's data lies inside the file.
/// A truncated or foreign file so becomes a <see cref="LlamaModelFileException"/>, never a native crash
/// (a tensor past EOF in an mmap would be SIGBUS).
/// </summary>
public static class GgufFile
{
    public const uint Magic = 0x46554747; // "GGUF" little-endian
    private const int DefaultAlignment = 32;
    private const ulong MaxCount = 1UL << 24; // far above any real model; guards absurd counts in garbage files

    /// <summary>Header facts of a valid file.</summary>
    public sealed record Summary(uint Version, ulong TensorCount, ulong MetadataCount, long DataOffset, long RequiredLength, long Length);

    /// <exception cref="LlamaModelFileException">missing, not GGUF, unsupported version, or truncated.</exception>
    public static Summary Validate(string path)
    {
        if (!File.Exists(path))
        {
            throw new LlamaModelFileException(path, Directory.Exists(path) ? "is a directory, not a GGUF model file" : "model file not found");
        }
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        var length = stream.Length;
        var reader = new Reader(stream, path);
        if (length < 24)
        {
            throw new LlamaModelFileException(path, $"only {length} bytes: too short for a GGUF header (24 bytes)");
        }
        var magic = reader.U32();
        if (magic != Magic)
        {
            throw new LlamaModelFileException(path, $"not a GGUF file (magic 0x{magic:x8}, expected 'GGUF')");
        }
        var version = reader.U32();
        if (version is not (2 or 3))
        {
            throw new LlamaModelFileException(path, $"GGUF version {version} is not supported (2 or 3)");
        }
        var tensorCount = reader.U64();
        var kvCount = reader.U64();
        if (tensorCount > MaxCount || kvCount > MaxCount)
        {
            throw new LlamaModelFileException(path, $"implausible header counts (tensors {tensorCount}, metadata {kvCount}): damaged file");
        }
        var alignment = DefaultAlignment;
        for (ulong i = 0; i < kvCount; i++)
        {
            var key = reader.String();
            var type = reader.U32();
            if (key == "general.alignment" && type == 4)
            {
                alignment = (int)reader.U32();
                if (alignment <= 0 || (alignment & (alignment - 1)) != 0)
                {
                    throw new LlamaModelFileException(path, $"general.alignment {alignment} is not a power of two");
                }
            }
            else
            {
                reader.SkipValue(type);
            }
        }
        long required = 0;
        var tensors = new List<(ulong Offset, ulong Bytes)>();
        for (ulong i = 0; i < tensorCount; i++)
        {
            var name = reader.String();
            var dims = reader.U32();
            if (dims > 8)
            {
                throw new LlamaModelFileException(path, $"tensor '{name}' has {dims} dimensions: damaged file");
            }
            ulong elements = 1;
            for (var d = 0; d < dims; d++)
            {
                elements = checked(elements * reader.U64());
            }
            var type = reader.U32();
            var offset = reader.U64();
            tensors.Add((offset, GgmlTypeSizes.Bytes(type, elements) ?? 0));
        }
        var dataOffset = (stream.Position + alignment - 1) / alignment * alignment;
        foreach (var (offset, bytes) in tensors)
        {
            var end = (ulong)dataOffset + offset + bytes;
            required = Math.Max(required, (long)Math.Min(end, long.MaxValue));
        }
        required = Math.Max(required, dataOffset);
        if (tensorCount > 0 && length < required)
        {
            throw new LlamaModelFileException(path, $"truncated: tensor data needs {required} bytes but the file has {length}");
        }
        return new Summary(version, tensorCount, kvCount, dataOffset, required, length);
    }

    /// <summary>Little-endian reads that turn EOF into a clear "truncated" error.</summary>
    private sealed class Reader(Stream stream, string path)
    {
        private readonly byte[] _buf = new byte[8];

        public uint U32() => BinaryPrimitives.ReadUInt32LittleEndian(Read(4));

        public ulong U64() => BinaryPrimitives.ReadUInt64LittleEndian(Read(8));

        public string String()
        {
            var len = U64();
            if (len > (ulong)(stream.Length - stream.Position))
            {
                throw Truncated($"a string of {len} bytes at offset {stream.Position}");
            }
            var bytes = new byte[len];
            stream.ReadExactly(bytes);
            return Encoding.UTF8.GetString(bytes);
        }

        // gguf_type: 0 u8, 1 i8, 2 u16, 3 i16, 4 u32, 5 i32, 6 f32, 7 bool, 8 string, 9 array, 10 u64, 11 i64, 12 f64
        public void SkipValue(uint type)
        {
            if (type == 8)
            {
                Skip(U64());
                return;
            }
            if (type == 9)
            {
                var elementType = U32();
                var count = U64();
                if (elementType is 8 or 9)
                {
                    for (ulong i = 0; i < count; i++)
                    {
                        SkipValue(elementType);
                    }
                    return;
                }
                Skip(checked(count * ScalarSize(elementType)));
                return;
            }
            Skip(ScalarSize(type));
        }

        private ulong ScalarSize(uint type) => type switch
        {
            0 or 1 or 7 => 1,
            2 or 3 => 2,
            4 or 5 or 6 => 4,
            10 or 11 or 12 => 8,
            _ => throw new LlamaModelFileException(path, $"unknown metadata type {type} at offset {stream.Position}: damaged file"),
        };

        private void Skip(ulong n)
        {
            if (n > (ulong)(stream.Length - stream.Position))
            {
                throw Truncated($"{n} bytes of metadata at offset {stream.Position}");
            }
            stream.Seek((long)n, SeekOrigin.Current);
        }

        private ReadOnlySpan<byte> Read(int n)
        {
            if (stream.Length - stream.Position < n)
            {
                throw Truncated($"{n} bytes at offset {stream.Position}");
            }
            stream.ReadExactly(_buf, 0, n);
            return _buf.AsSpan(0, n);
        }

        private LlamaModelFileException Truncated(string what) =>
            new(path, $"truncated: the file ends ({stream.Length} bytes) where {what} should be");
    }
}
