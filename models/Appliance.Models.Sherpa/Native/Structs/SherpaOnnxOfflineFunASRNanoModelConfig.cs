// Mirror of the C struct of the same name in sherpa-onnx/c-api/c-api.h (v1.13.4), field by field.
using System.Runtime.InteropServices;

namespace Appliance.Models.Sherpa.Native;

[StructLayout(LayoutKind.Sequential)]
public unsafe partial struct SherpaOnnxOfflineFunASRNanoModelConfig
{
    /// <summary>Path to the encoder adaptor.</summary>
    public byte* encoder_adaptor;

    /// <summary>Path to the LLM ONNX model.</summary>
    public byte* llm;

    /// <summary>Path to the embedding model.</summary>
    public byte* embedding;

    /// <summary>Path to the tokenizer file.</summary>
    public byte* tokenizer;

    /// <summary>System prompt.</summary>
    public byte* system_prompt;

    /// <summary>User prompt.</summary>
    public byte* user_prompt;

    /// <summary>Maximum number of generated tokens.</summary>
    public int max_new_tokens;

    /// <summary>Sampling temperature.</summary>
    public float temperature;

    /// <summary>Top-p sampling threshold.</summary>
    public float top_p;

    /// <summary>Random seed.</summary>
    public int seed;

    /// <summary>Optional language hint.</summary>
    public byte* language;

    /// <summary>Non-zero to enable inverse text normalization.</summary>
    public int itn;

    /// <summary>Optional hotwords text.</summary>
    public byte* hotwords;
}
