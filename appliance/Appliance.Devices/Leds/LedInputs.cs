using Appliance.Pipeline;
using Appliance.Provisioning.Progress;

namespace Appliance.Devices.Leds;

/// <summary>Everything the ring's pattern depends on at one frame.</summary>
/// <param name="DoaDegrees">Last direction of arrival from the pipeline (event convention: 0 ahead, clockwise), if any.</param>
/// <param name="Level">Playback loudness 0..1 at the frame being heard.</param>
/// <param name="Faulted">The pipeline failed (IPipelineStatus reports Error).</param>
/// <param name="Update">A provisioning apply in progress or just finished, if any.</param>
/// <param name="TestPattern">A technician's test pattern still running, if any.</param>
public sealed record LedInputs(
    ConversationState State,
    double? DoaDegrees = null,
    double Level = 0,
    bool Faulted = false,
    bool Muted = false,
    ProvisioningStatus? Update = null,
    string? TestPattern = null);
