namespace Appliance.Models.Gguf;

/// <summary>A tensor's header entry: name, dimensions (ne[0] innermost), type and offset from the start of the data section.</summary>
public sealed record GgufTensorInfo(string Name, IReadOnlyList<long> Dims, GgmlType Type, long Offset)
{
    public long ByteSize => GgmlTypeInfo.ByteSize(Type, Dims);

    public long Elements => Dims.Aggregate(1L, (a, d) => a * d);
}
