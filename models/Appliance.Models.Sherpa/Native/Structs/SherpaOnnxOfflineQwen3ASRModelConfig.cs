// Mirror of the C struct of the same name in sherpa-onnx/c-api/c-api.h (v1.13.4), field by field.
using System.Runtime.InteropServices;

namespace Appliance.Models.Sherpa.Native;

[StructLayout(LayoutKind.Sequential)]
public unsafe partial struct SherpaOnnxOfflineQwen3ASRModelConfig
{
    /// <summary>Path to the conv-frontend ONNX model.</summary>
    public byte* conv_frontend;

    /// <summary>Path to the encoder ONNX model.</summary>
    public byte* encoder;

    /// <summary>Path to the decoder ONNX model (with KV cache).</summary>
    public byte* decoder;

    /// <summary>Path to the tokenizer directory (e.g. containing `vocab.json`).</summary>
    public byte* tokenizer;

    /// <summary>Maximum total sequence length supported by the model.</summary>
    public int max_total_len;

    /// <summary>Maximum number of new tokens to generate.</summary>
    public int max_new_tokens;

    /// <summary>Sampling temperature.</summary>
    public float temperature;

    /// <summary>Top-p (nucleus) sampling threshold.</summary>
    public float top_p;

    /// <summary>Random seed for reproducible sampling.</summary>
    public int seed;

    /// <summary>Optional comma-separated hotwords (UTF-8, ASCII ','), e.g. @c "foo,bar,baz".</summary>
    public byte* hotwords;
}
