namespace Appliance.Drivers.Dsp;

/// <summary>Configuration of <see cref="AudioFrontEnd"/>.</summary>
/// <param name="Channels">capture channels per frame</param>
/// <param name="Geometry">mic array; null for a single mic (channel 0)</param>
/// <param name="SampleRate">Hz; the front end runs at 16 kHz</param>
/// <param name="FrameSize">samples per block (256 = 16 ms)</param>
/// <param name="EchoTailMs">echo path length the AEC models after alignment, ms</param>
/// <param name="EchoCancellation">run MDF AEC (needs an aligned reference)</param>
/// <param name="DoaEveryBlocks">DOA update period in blocks</param>
/// <param name="Preprocess">denoise/AGC/residual echo; null to skip the preprocessor</param>
public sealed record FrontEndOptions(
    int Channels,
    ArrayGeometry? Geometry = null,
    int SampleRate = 16000,
    int FrameSize = 256,
    int EchoTailMs = 128,
    bool EchoCancellation = true,
    int DoaEveryBlocks = 4,
    PreprocessorOptions? Preprocess = null);
