// Mirror of the C struct of the same name in sherpa-onnx/c-api/c-api.h (v1.13.4), field by field.
using System.Runtime.InteropServices;

namespace Appliance.Models.Sherpa.Native;

[StructLayout(LayoutKind.Sequential)]
public unsafe partial struct SherpaOnnxOfflineTtsZipvoiceModelConfig
{
    /// <summary>Path to the tokens file.</summary>
    public byte* tokens;

    /// <summary>Path to the ZipVoice encoder model.</summary>
    public byte* encoder;

    /// <summary>Path to the ZipVoice decoder model.</summary>
    public byte* decoder;

    /// <summary>Path to the vocoder model.</summary>
    public byte* vocoder;

    /// <summary>Optional path to espeak-ng-data.</summary>
    public byte* data_dir;

    /// <summary>Path to the lexicon file.</summary>
    public byte* lexicon;

    /// <summary>Feature scaling factor.</summary>
    public float feat_scale;

    /// <summary>Time shift parameter.</summary>
    public float t_shift;

    /// <summary>Target RMS parameter.</summary>
    public float target_rms;

    /// <summary>Guidance scale parameter.</summary>
    public float guidance_scale;
}
