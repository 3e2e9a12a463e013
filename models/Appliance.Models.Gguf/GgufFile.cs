namespace Appliance.Models.Gguf;

/// <summary>A parsed GGUF header: metadata, tensor directory and where the tensor data starts.</summary>
public sealed record GgufFile(uint Version, IReadOnlyList<GgufMetadata> Metadata, IReadOnlyList<GgufTensorInfo> Tensors, long DataOffset, int Alignment)
{
    public const uint Magic = 0x46554747; // "GGUF" little-endian
    public const int DefaultAlignment = 32;

    public GgufMetadata? Find(string key) => Metadata.FirstOrDefault(m => m.Key == key);

    public T Get<T>(string key) => Find(key) is { Value: T v } ? v
        : throw new KeyNotFoundException($"GGUF key {key} missing or not a {typeof(T).Name}");

    public string? Architecture => Find("general.architecture")?.Value as string;

    /// <summary>Sum of all tensor bytes: what one decoded token reads from memory (weights dominate).</summary>
    public long TensorBytes => Tensors.Sum(t => t.ByteSize);

    /// <summary>Tensor bytes per type, e.g. Q4_0 → 300 MB, F32 → 0.1 MB.</summary>
    public IReadOnlyDictionary<GgmlType, long> BytesByType =>
        Tensors.GroupBy(t => t.Type).ToDictionary(g => g.Key, g => g.Sum(t => t.ByteSize));
}
