using System.Globalization;

namespace Appliance.Drivers.Dsp;

public enum ArrayShape
{
    /// <summary>Mics on a line along x, equally spaced, centred on the origin; angles 0..180° (90° = broadside).</summary>
    Linear,

    /// <summary>Mics on a circle, mic 0 on +x, counter-clockwise; angles 0..360°.</summary>
    Circular,
}

/// <summary>A mic array geometry that does not fit the device or is physically meaningless.</summary>
public sealed class ArrayGeometryException(string message) : Exception(message);

/// <summary>
/// Where the microphones are. <see cref="Size"/> is the spacing (linear) or the radius (circular) in
/// metres. <see cref="MicChannels"/> maps each mic to a capture channel (USB arrays put a processed
/// channel and a playback loopback next to the raw mics); <see cref="ProcessedChannel"/> names the
/// array's own DSP output when it has one.
/// </summary>
public sealed record ArrayGeometry(ArrayShape Shape, int Microphones, double Size, IReadOnlyList<int> MicChannels, int? ProcessedChannel = null)
{
    public const double SpeedOfSound = 343.0;

    public static ArrayGeometry Linear(int mics, double spacing) => Create(ArrayShape.Linear, mics, spacing, null, null);

    public static ArrayGeometry Circular(int mics, double radius) => Create(ArrayShape.Circular, mics, radius, null, null);

    public static ArrayGeometry Create(ArrayShape shape, int mics, double size, IReadOnlyList<int>? channels, int? processed)
    {
        if (mics is < 2 or > 16)
        {
            throw new ArrayGeometryException($"a mic array needs 2..16 microphones, the configuration says {mics}");
        }
        if (!(size is > 0.002 and < 1.0))
        {
            throw new ArrayGeometryException($"array {(shape == ArrayShape.Linear ? "spacing" : "radius")} {size} m is not plausible (0.002..1 m)");
        }
        channels ??= Enumerable.Range(0, mics).ToArray();
        if (channels.Count != mics)
        {
            throw new ArrayGeometryException($"the array has {mics} microphones but {channels.Count} mic channels are mapped");
        }
        if (channels.Distinct().Count() != channels.Count || channels.Any(c => c < 0))
        {
            throw new ArrayGeometryException($"mic channel map [{string.Join(",", channels)}] must list distinct non-negative channels");
        }
        return new ArrayGeometry(shape, mics, size, channels, processed);
    }

    /// <summary>
    /// Parses "linear:4:0.04", "circular:6:0.0463" with optional ":channels=1,2,3,4" and ":processed=0".
    /// </summary>
    public static ArrayGeometry Parse(string spec)
    {
        var parts = spec.Split(':', StringSplitOptions.TrimEntries);
        if (parts.Length < 3
            || !Enum.TryParse<ArrayShape>(parts[0], ignoreCase: true, out var shape)
            || !int.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var mics)
            || !double.TryParse(parts[2], NumberStyles.Float, CultureInfo.InvariantCulture, out var size))
        {
            throw new ArrayGeometryException($"array geometry '{spec}' must look like linear:4:0.04 or circular:6:0.0463 (shape:mics:metres[:channels=..][:processed=N])");
        }
        IReadOnlyList<int>? channels = null;
        int? processed = null;
        foreach (var option in parts.Skip(3))
        {
            var kv = option.Split('=', 2);
            try
            {
                switch (kv[0])
                {
                    case "channels" when kv.Length == 2:
                        channels = kv[1].Split(',').Select(c => int.Parse(c, CultureInfo.InvariantCulture)).ToArray();
                        break;
                    case "processed" when kv.Length == 2:
                        processed = int.Parse(kv[1], CultureInfo.InvariantCulture);
                        break;
                    default:
                        throw new ArrayGeometryException($"array geometry '{spec}': unknown option '{option}' (channels=.., processed=N)");
                }
            }
            catch (FormatException)
            {
                throw new ArrayGeometryException($"array geometry '{spec}': '{option}' is not a list of channel numbers");
            }
        }
        return Create(shape, mics, size, channels, processed);
    }

    /// <summary>Rejects a geometry that does not match the capture device (checked at start-up).</summary>
    public void Validate(int captureChannels)
    {
        var bad = MicChannels.Where(c => c >= captureChannels).ToList();
        if (bad.Count > 0)
        {
            throw new ArrayGeometryException(
                $"mic array geometry {this} maps mics to channel(s) {string.Join(",", bad)} but the capture has {captureChannels} channel(s)");
        }
        if (ProcessedChannel is { } p && (p < 0 || p >= captureChannels || MicChannels.Contains(p)))
        {
            throw new ArrayGeometryException($"processed channel {p} is not a free channel of the {captureChannels}-channel capture");
        }
        // Without an explicit map every channel must be a mic: a 4-mic geometry on a 6-channel device is a
        // configuration mistake (wrong array, or a USB array whose extra channels were not mapped).
        var defaultMap = MicChannels.SequenceEqual(Enumerable.Range(0, Microphones));
        if (ProcessedChannel is null && defaultMap && Microphones != captureChannels)
        {
            throw new ArrayGeometryException(
                $"the mic array geometry has {Microphones} microphones but the capture device delivers {captureChannels} channels; " +
                "map the mics explicitly (e.g. circular:4:0.032:channels=1,2,3,4:processed=0)");
        }
    }

    /// <summary>Mic positions (x, y) in metres.</summary>
    public (double X, double Y)[] Positions()
    {
        var positions = new (double, double)[Microphones];
        for (var i = 0; i < Microphones; i++)
        {
            positions[i] = Shape == ArrayShape.Linear
                ? ((i - (Microphones - 1) / 2.0) * Size, 0)
                : (Size * Math.Cos(2 * Math.PI * i / Microphones), Size * Math.Sin(2 * Math.PI * i / Microphones));
        }
        return positions;
    }

    /// <summary>The largest distance between two mics: bounds every inter-mic delay.</summary>
    public double Aperture => Shape == ArrayShape.Linear ? (Microphones - 1) * Size : 2 * Size;

    /// <summary>Angles the DOA search covers, in degrees: a linear array cannot tell front from back.</summary>
    public double MaxAngle => Shape == ArrayShape.Linear ? 180 : 360;

    /// <summary>
    /// Arrival time advance of mic <paramref name="mic"/> relative to the array centre for a plane wave
    /// from <paramref name="angleDegrees"/>, in samples (positive = hears it earlier).
    /// </summary>
    public double AdvanceSamples(int mic, double angleDegrees, int sampleRate)
    {
        var (x, y) = Positions()[mic];
        var a = angleDegrees * Math.PI / 180;
        return (x * Math.Cos(a) + y * Math.Sin(a)) / SpeedOfSound * sampleRate;
    }

    public override string ToString() =>
        FormattableString.Invariant($"{Shape.ToString().ToLowerInvariant()}:{Microphones}:{Size}:channels={string.Join(",", MicChannels)}")
        + (ProcessedChannel is { } p ? $":processed={p}" : "");
}
