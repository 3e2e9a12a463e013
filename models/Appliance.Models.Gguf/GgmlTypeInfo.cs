namespace Appliance.Models.Gguf;

/// <summary>Block geometry per type (gguf-constants.py GGML_QUANT_SIZES: elements per block, bytes per block).</summary>
public static class GgmlTypeInfo
{
    private const int QK_K = 256;

    private static readonly Dictionary<GgmlType, (int BlockElements, int BlockBytes)> Sizes = new()
    {
        [GgmlType.F32] = (1, 4),
        [GgmlType.F16] = (1, 2),
        [GgmlType.Q4_0] = (32, 2 + 16),
        [GgmlType.Q4_1] = (32, 2 + 2 + 16),
        [GgmlType.Q5_0] = (32, 2 + 4 + 16),
        [GgmlType.Q5_1] = (32, 2 + 2 + 4 + 16),
        [GgmlType.Q8_0] = (32, 2 + 32),
        [GgmlType.Q8_1] = (32, 2 + 2 + 32),
        [GgmlType.Q2_K] = (256, 2 + 2 + QK_K / 16 + QK_K / 4),
        [GgmlType.Q3_K] = (256, 2 + QK_K / 4 + QK_K / 8 + 12),
        [GgmlType.Q4_K] = (256, 2 + 2 + QK_K / 2 + 12),
        [GgmlType.Q5_K] = (256, 2 + 2 + QK_K / 2 + QK_K / 8 + 12),
        [GgmlType.Q6_K] = (256, 2 + QK_K / 2 + QK_K / 4 + QK_K / 16),
        [GgmlType.Q8_K] = (256, 4 + QK_K + QK_K / 8),
        [GgmlType.IQ2_XXS] = (256, 2 + QK_K / 4),
        [GgmlType.IQ2_XS] = (256, 2 + QK_K / 4 + QK_K / 32),
        [GgmlType.IQ3_XXS] = (256, 2 + QK_K / 4 + QK_K / 8),
        [GgmlType.IQ1_S] = (256, 2 + QK_K / 8 + QK_K / 16),
        [GgmlType.IQ4_NL] = (32, 2 + 16),
        [GgmlType.IQ3_S] = (256, 2 + QK_K / 4 + QK_K / 8 + QK_K / 32 + 4),
        [GgmlType.IQ2_S] = (256, 2 + QK_K / 4 + QK_K / 16),
        [GgmlType.IQ4_XS] = (256, 2 + 2 + QK_K / 2 + QK_K / 64),
        [GgmlType.I8] = (1, 1),
        [GgmlType.I16] = (1, 2),
        [GgmlType.I32] = (1, 4),
        [GgmlType.I64] = (1, 8),
        [GgmlType.F64] = (1, 8),
        [GgmlType.IQ1_M] = (256, QK_K / 8 + QK_K / 16 + QK_K / 32),
        [GgmlType.BF16] = (1, 2),
        [GgmlType.TQ1_0] = (256, 2 + 4 * 13),
        [GgmlType.TQ2_0] = (256, 2 + 64),
        [GgmlType.MXFP4] = (32, 1 + 16),
        [GgmlType.NVFP4] = (64, 4 + 32),
        [GgmlType.Q1_0] = (128, 2 + 16),
        [GgmlType.Q2_0] = (64, 2 + 16),
    };

    public static bool IsKnown(GgmlType type) => Sizes.ContainsKey(type);

    public static int BlockElements(GgmlType type) => Sizes[type].BlockElements;

    public static int BlockBytes(GgmlType type) => Sizes[type].BlockBytes;

    /// <summary>Bytes of a tensor; the innermost dimension must be a whole number of blocks.</summary>
    public static long ByteSize(GgmlType type, IReadOnlyList<long> dims)
    {
        if (!Sizes.TryGetValue(type, out var s))
        {
            throw new InvalidDataException($"unknown ggml type {(uint)type}");
        }
        if (dims.Count == 0 || dims[0] % s.BlockElements != 0)
        {
            throw new InvalidDataException($"{type} needs the first dimension to be a multiple of {s.BlockElements} (got {string.Join('x', dims)})");
        }
        var elements = dims.Aggregate(1L, (a, d) => checked(a * d));
        return checked(elements / s.BlockElements * s.BlockBytes);
    }
}
