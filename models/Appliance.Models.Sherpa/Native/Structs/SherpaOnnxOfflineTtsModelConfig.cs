// Mirror of the C struct of the same name in sherpa-onnx/c-api/c-api.h (v1.13.4), field by field.
using System.Runtime.InteropServices;

namespace Appliance.Models.Sherpa.Native;

[StructLayout(LayoutKind.Sequential)]
public unsafe partial struct SherpaOnnxOfflineTtsModelConfig
{
    /// <summary>VITS configuration.</summary>
    public SherpaOnnxOfflineTtsVitsModelConfig vits;

    /// <summary>Number of backend threads.</summary>
    public int num_threads;

    /// <summary>Non-zero to print debug information.</summary>
    public int debug;

    /// <summary>Execution provider, for example "cpu" or "cuda".</summary>
    public byte* provider;

    /// <summary>Matcha configuration.</summary>
    public SherpaOnnxOfflineTtsMatchaModelConfig matcha;

    /// <summary>Kokoro configuration.</summary>
    public SherpaOnnxOfflineTtsKokoroModelConfig kokoro;

    /// <summary>Kitten configuration.</summary>
    public SherpaOnnxOfflineTtsKittenModelConfig kitten;

    /// <summary>ZipVoice configuration.</summary>
    public SherpaOnnxOfflineTtsZipvoiceModelConfig zipvoice;

    /// <summary>Pocket configuration.</summary>
    public SherpaOnnxOfflineTtsPocketModelConfig pocket;

    /// <summary>Supertonic configuration.</summary>
    public SherpaOnnxOfflineTtsSupertonicModelConfig supertonic;
}
