namespace Appliance.Models.Llama;

/// <summary>
/// (elements per block, bytes per block) of each ggml_type, from GGML_QUANT_SIZES in the build's
/// gguf-py constants (.cache/include/llama/reference/gguf-constants.py). Used only to bound tensor data.
/// </summary>
internal static class GgmlTypeSizes
{
    private const int QK = 256;

    private static readonly Dictionary<uint, (int Block, int Bytes)> Sizes = new()
    {
        [0] = (1, 4),                                   // F32
        [1] = (1, 2),                                   // F16
        [2] = (32, 2 + 16),                             // Q4_0
        [3] = (32, 2 + 2 + 16),                         // Q4_1
        [6] = (32, 2 + 4 + 16),                         // Q5_0
        [7] = (32, 2 + 2 + 4 + 16),                     // Q5_1
        [8] = (32, 2 + 32),                             // Q8_0
        [9] = (32, 2 + 2 + 32),                         // Q8_1
        [10] = (QK, 2 + 2 + QK / 16 + QK / 4),          // Q2_K
        [11] = (QK, 2 + QK / 4 + QK / 8 + 12),          // Q3_K
        [12] = (QK, 2 + 2 + QK / 2 + 12),               // Q4_K
        [13] = (QK, 2 + 2 + QK / 2 + QK / 8 + 12),      // Q5_K
        [14] = (QK, 2 + QK / 2 + QK / 4 + QK / 16),     // Q6_K
        [15] = (QK, 4 + QK + QK / 8),                   // Q8_K
        [16] = (QK, 2 + QK / 4),                        // IQ2_XXS
        [17] = (QK, 2 + QK / 4 + QK / 32),              // IQ2_XS
        [18] = (QK, 2 + QK / 4 + QK / 8),               // IQ3_XXS
        [19] = (QK, 2 + QK / 8 + QK / 16),              // IQ1_S
        [20] = (32, 2 + 16),                            // IQ4_NL
        [21] = (QK, 2 + QK / 4 + QK / 8 + QK / 32 + 4), // IQ3_S
        [22] = (QK, 2 + QK / 4 + QK / 16),              // IQ2_S
        [23] = (QK, 2 + 2 + QK / 2 + QK / 64),          // IQ4_XS
        [24] = (1, 1),                                  // I8
        [25] = (1, 2),                                  // I16
        [26] = (1, 4),                                  // I32
        [27] = (1, 8),                                  // I64
        [28] = (1, 8),                                  // F64
        [29] = (QK, QK / 8 + QK / 16 + QK / 32),        // IQ1_M
        [30] = (1, 2),                                  // BF16
        [34] = (QK, 2 + 4 * 13),                        // TQ1_0
        [35] = (QK, 2 + 64),                            // TQ2_0
        [39] = (32, 1 + 16),                            // MXFP4
        [40] = (64, 4 + 32),                            // NVFP4
        [41] = (128, 2 + 16),                           // Q1_0
        [42] = (64, 2 + 16),                            // Q2_0
    };

    /// <summary>Bytes of a tensor, or null for a type this table does not know (then native code decides).</summary>
    public static ulong? Bytes(uint type, ulong elements) =>
        Sizes.TryGetValue(type, out var s) ? checked(elements / (ulong)s.Block * (ulong)s.Bytes) : null;
}
