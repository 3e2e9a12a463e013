using System.Text;

namespace Appliance.Models.Sherpa.Models;

/// <summary>
/// Reads the metadata_props (key/value strings, ModelProto field 14) of an ONNX file without
/// onnxruntime: sherpa's exporters put the model family there (model_type, comment=piper, ...),
/// which is what tells a SenseVoice folder from a Paraformer one with the same file names. The
/// graph (field 7, most of the file) is skipped with a seek, so large models cost a few reads.
/// </summary>
public static class OnnxMetadata
{
    private const int MetadataPropsField = 14;

    /// <summary>The metadata, or an empty map when the file is not a parsable ONNX model.</summary>
    public static IReadOnlyDictionary<string, string> Read(string path) => Inspect(path).Metadata;

    /// <summary>
    /// Whether the file parses as a ModelProto with an ir_version (field 1) and a graph (field 7),
    /// plus its metadata. onnxruntime aborts the process on a file that fails to parse, so the
    /// binding checks this before any native create call.
    /// </summary>
    public static (bool IsModel, IReadOnlyDictionary<string, string> Metadata) Inspect(string path)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        bool irVersion = false, graph = false, clean = false;
        try
        {
            using var stream = File.OpenRead(path);
            while (stream.Position < stream.Length)
            {
                var tag = ReadVarint(stream);
                var field = (int)(tag >> 3);
                irVersion |= field == 1 && (tag & 7) == 0;
                graph |= field == 7 && (tag & 7) == 2;
                switch ((int)(tag & 7))
                {
                    case 0:
                        ReadVarint(stream);
                        break;
                    case 1:
                        stream.Seek(8, SeekOrigin.Current);
                        break;
                    case 5:
                        stream.Seek(4, SeekOrigin.Current);
                        break;
                    case 2:
                        var length = (long)ReadVarint(stream);
                        if (length < 0 || stream.Position + length > stream.Length)
                        {
                            return (false, result);
                        }
                        if (field == MetadataPropsField)
                        {
                            var entry = new byte[length];
                            stream.ReadExactly(entry);
                            var (key, value) = ParseEntry(entry);
                            if (key is not null)
                            {
                                result[key] = value ?? string.Empty;
                            }
                        }
                        else
                        {
                            stream.Seek(length, SeekOrigin.Current);
                        }
                        break;
                    default:
                        return (false, result);
                }
            }
            clean = true;
        }
        catch (Exception e) when (e is IOException or EndOfStreamException or OverflowException or UnauthorizedAccessException)
        {
            // Unreadable or truncated: no metadata. Callers treat that like a model without any.
        }
        return (clean && irVersion && graph, result);
    }

    private static (string? Key, string? Value) ParseEntry(ReadOnlySpan<byte> entry)
    {
        string? key = null, value = null;
        var pos = 0;
        while (pos < entry.Length)
        {
            var tag = ReadVarint(entry, ref pos);
            if ((tag & 7) != 2)
            {
                return (null, null);
            }
            var length = (int)ReadVarint(entry, ref pos);
            if (length < 0 || pos + length > entry.Length)
            {
                return (null, null);
            }
            var text = Encoding.UTF8.GetString(entry.Slice(pos, length));
            pos += length;
            if (tag >> 3 == 1)
            {
                key = text;
            }
            else if (tag >> 3 == 2)
            {
                value = text;
            }
        }
        return (key, value);
    }

    private static ulong ReadVarint(Stream stream)
    {
        ulong value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            var b = stream.ReadByte();
            if (b < 0)
            {
                throw new EndOfStreamException();
            }
            value |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return value;
            }
        }
        throw new OverflowException("varint too long");
    }

    private static ulong ReadVarint(ReadOnlySpan<byte> data, ref int pos)
    {
        ulong value = 0;
        for (var shift = 0; shift < 64 && pos < data.Length; shift += 7)
        {
            var b = data[pos++];
            value |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return value;
            }
        }
        throw new OverflowException("varint too long or truncated");
    }
}
