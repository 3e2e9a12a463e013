// Mirror of the C struct of the same name in sherpa-onnx/c-api/c-api.h (v1.13.4), field by field.
using System.Runtime.InteropServices;

namespace Appliance.Models.Sherpa.Native;

[StructLayout(LayoutKind.Sequential)]
public unsafe partial struct SherpaOnnxOfflineModelConfig
{
    /// <summary>Non-streaming transducer model files.</summary>
    public SherpaOnnxOfflineTransducerModelConfig transducer;

    /// <summary>Non-streaming Paraformer model files.</summary>
    public SherpaOnnxOfflineParaformerModelConfig paraformer;

    /// <summary>Non-streaming NeMo CTC model files.</summary>
    public SherpaOnnxOfflineNemoEncDecCtcModelConfig nemo_ctc;

    /// <summary>Whisper model files and options.</summary>
    public SherpaOnnxOfflineWhisperModelConfig whisper;

    /// <summary>TDNN model files.</summary>
    public SherpaOnnxOfflineTdnnModelConfig tdnn;

    /// <summary>Path to the tokens file.</summary>
    public byte* tokens;

    /// <summary>Number of backend threads.</summary>
    public int num_threads;

    /// <summary>Non-zero to print debug information.</summary>
    public int debug;

    /// <summary>Execution provider, for example "cpu" or "cuda".</summary>
    public byte* provider;

    /// <summary>Optional explicit model type override.</summary>
    public byte* model_type;

    /// <summary>Modeling unit, such as "cjkchar", "bpe", or "cjkchar+bpe".</summary>
    public byte* modeling_unit;

    /// <summary>Path to the BPE vocabulary file when BPE is used.</summary>
    public byte* bpe_vocab;

    /// <summary>Path to the TeleSpeech CTC model.</summary>
    public byte* telespeech_ctc;

    /// <summary>SenseVoice configuration.</summary>
    public SherpaOnnxOfflineSenseVoiceModelConfig sense_voice;

    /// <summary>Moonshine configuration.</summary>
    public SherpaOnnxOfflineMoonshineModelConfig moonshine;

    /// <summary>FireRedAsr configuration.</summary>
    public SherpaOnnxOfflineFireRedAsrModelConfig fire_red_asr;

    /// <summary>Dolphin configuration.</summary>
    public SherpaOnnxOfflineDolphinModelConfig dolphin;

    /// <summary>Zipformer CTC configuration.</summary>
    public SherpaOnnxOfflineZipformerCtcModelConfig zipformer_ctc;

    /// <summary>Canary configuration.</summary>
    public SherpaOnnxOfflineCanaryModelConfig canary;

    /// <summary>WeNet CTC configuration.</summary>
    public SherpaOnnxOfflineWenetCtcModelConfig wenet_ctc;

    /// <summary>Omnilingual CTC configuration.</summary>
    public SherpaOnnxOfflineOmnilingualAsrCtcModelConfig omnilingual;

    /// <summary>MedASR configuration.</summary>
    public SherpaOnnxOfflineMedAsrCtcModelConfig medasr;

    /// <summary>FunASR Nano configuration.</summary>
    public SherpaOnnxOfflineFunASRNanoModelConfig funasr_nano;

    /// <summary>FireRedAsr CTC configuration.</summary>
    public SherpaOnnxOfflineFireRedAsrCtcModelConfig fire_red_asr_ctc;

    /// <summary>Qwen3-ASR configuration.</summary>
    public SherpaOnnxOfflineQwen3ASRModelConfig qwen3_asr;

    /// <summary>Cohere Transcribe configuration.</summary>
    public SherpaOnnxOfflineCohereTranscribeModelConfig cohere_transcribe;
}
