using Appliance.Drivers.Dsp;
using Appliance.Provisioning.Document;
using Appliance.Service.Configuration;

namespace Appliance.Devices.Audio;

/// <summary>
/// The sound devices the live pipeline opens. The admin API's audio configuration wins where it names
/// something (a technician's change on site); otherwise the provisioned provisioning.yaml (audio.capture,
/// audio.playback, audio.mic_array) decides; otherwise the system default. A mic array geometry that does
/// not fit is reported in <see cref="Problem"/> and the array is used without direction finding.
/// </summary>
public sealed record ProvisionedAudio(string InputDevice, string OutputDevice, int Channels, ArrayGeometry? Geometry, string? Problem = null)
{
    public static ProvisionedAudio Resolve(AudioConfig config, AudioSection? provisioned)
    {
        var input = Named(config.InputDevice) ?? Named(provisioned?.Capture) ?? "default";
        var output = Named(config.OutputDevice) ?? Named(provisioned?.Playback) ?? "default";
        var array = provisioned?.MicArray;
        var channels = config.Channels > 1 ? config.Channels : array is { Channels: > 0 } ? array.Channels : Math.Max(1, config.Channels);
        if (array is null || array.Channels < 2)
        {
            return new ProvisionedAudio(input, output, channels, null);
        }
        try
        {
            return new ProvisionedAudio(input, output, channels, BuildGeometry(array, channels));
        }
        catch (ArrayGeometryException e)
        {
            return new ProvisionedAudio(input, output, channels, null, $"audio.mic_array: {e.Message}; no direction finding");
        }
    }

    private static ArrayGeometry BuildGeometry(MicArraySection array, int channels)
    {
        var shape = array.Geometry.Equals("circular", StringComparison.OrdinalIgnoreCase) ? ArrayShape.Circular : ArrayShape.Linear;
        var size = (shape == ArrayShape.Circular ? array.RadiusM : array.SpacingM)
            ?? throw new ArrayGeometryException($"a {array.Geometry} array needs {(shape == ArrayShape.Circular ? "radius_m" : "spacing_m")}");
        if (array.ProcessedChannel is not { } processed)
        {
            return ArrayGeometry.Create(shape, channels, size, null, null);
        }
        // Arrays with on-board DSP: every channel but the processed one is a raw microphone.
        var mics = Enumerable.Range(0, channels).Where(c => c != processed).ToList();
        return ArrayGeometry.Create(shape, mics.Count, size, mics, processed);
    }

    private static string? Named(string? device) =>
        string.IsNullOrWhiteSpace(device) || device.Trim() == "default" ? null : device.Trim();
}
