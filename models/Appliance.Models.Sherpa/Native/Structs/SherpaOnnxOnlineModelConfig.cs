// Mirror of the C struct of the same name in sherpa-onnx/c-api/c-api.h (v1.13.4), field by field.
using System.Runtime.InteropServices;

namespace Appliance.Models.Sherpa.Native;

[StructLayout(LayoutKind.Sequential)]
public unsafe partial struct SherpaOnnxOnlineModelConfig
{
    /// <summary>Streaming transducer model files.</summary>
    public SherpaOnnxOnlineTransducerModelConfig transducer;

    /// <summary>Streaming Paraformer model files.</summary>
    public SherpaOnnxOnlineParaformerModelConfig paraformer;

    /// <summary>Streaming Zipformer2 CTC model files.</summary>
    public SherpaOnnxOnlineZipformer2CtcModelConfig zipformer2_ctc;

    /// <summary>Path to the tokens file.</summary>
    public byte* tokens;

    /// <summary>Number of threads used by the ONNX Runtime backend.</summary>
    public int num_threads;

    /// <summary>Execution provider, for example "cpu", "cuda", or "coreml".</summary>
    public byte* provider;

    /// <summary>Non-zero to print model debug information.</summary>
    public int debug;

    /// <summary>Optional explicit model type override.</summary>
    public byte* model_type;

    /// <summary>Modeling unit used by the tokens. Valid values include: - "cjkchar" - "bpe" - "cjkchar+bpe"</summary>
    public byte* modeling_unit;

    /// <summary>Path to the BPE vocabulary file when BPE is used.</summary>
    public byte* bpe_vocab;

    /// <summary>Optional in-memory tokens data. Used instead of @c tokens when non-NULL.</summary>
    public byte* tokens_buf;

    /// <summary>Size in bytes of @c tokens_buf, excluding the trailing '\0'.</summary>
    public int tokens_buf_size;

    /// <summary>Streaming NeMo CTC model files.</summary>
    public SherpaOnnxOnlineNemoCtcModelConfig nemo_ctc;

    /// <summary>Streaming T-One CTC model files.</summary>
    public SherpaOnnxOnlineToneCtcModelConfig t_one_ctc;
}
