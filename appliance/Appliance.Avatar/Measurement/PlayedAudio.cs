using System.Globalization;
using System.Text.Json.Nodes;

namespace Appliance.Avatar.Measurement;

/// <summary>
/// What a service's speaker played, as `run --replay … --replay-out DIR` records it: played.f32 (float32
/// mono, contiguous stream frames) and played.jsonl ({"rate"} then one {"frame","n","ms"} per block,
/// ms on the avatar clock the kiosk page syncs to). Finds the sound onsets the lip-sync is judged against.
/// </summary>
public sealed class PlayedAudio
{
    private readonly List<(long Frame, int Count, double Ms)> _blocks;

    private PlayedAudio(int sampleRate, float[] samples, List<(long Frame, int Count, double Ms)> blocks)
    {
        SampleRate = sampleRate;
        Samples = samples;
        _blocks = blocks;
    }

    public int SampleRate { get; }

    public float[] Samples { get; }

    public int BlockCount => _blocks.Count;

    public static PlayedAudio Load(string directory)
    {
        var index = Path.Combine(directory, "played.jsonl");
        var data = Path.Combine(directory, "played.f32");
        if (!File.Exists(index) || !File.Exists(data))
        {
            throw new FileNotFoundException($"{directory} has no played.jsonl/played.f32 (was the service started with --replay-out?)");
        }
        var lines = File.ReadAllLines(index);
        if (lines.Length == 0 || JsonNode.Parse(lines[0])?["rate"] is not JsonValue rateNode || !rateNode.TryGetValue<int>(out var rate) || rate <= 0)
        {
            throw new InvalidDataException($"{index}: the first line must be {{\"rate\":<Hz>}}");
        }
        var bytes = File.ReadAllBytes(data);
        var samples = new float[bytes.Length / sizeof(float)];
        Buffer.BlockCopy(bytes, 0, samples, 0, samples.Length * sizeof(float));
        var blocks = new List<(long, int, double)>();
        foreach (var line in lines.Skip(1))
        {
            JsonNode? node;
            try
            {
                node = JsonNode.Parse(line);
            }
            catch (System.Text.Json.JsonException)
            {
                break; // the last line may be cut off if the service was still writing
            }
            var frame = (long?)node?["frame"];
            var n = (int?)node?["n"];
            var ms = (double?)node?["ms"];
            if (frame is null || n is null || ms is null)
            {
                throw new InvalidDataException($"{index}: bad line '{line}'");
            }
            if (frame.Value + n.Value > samples.Length)
            {
                break; // samples not flushed yet
            }
            blocks.Add((frame.Value, n.Value, ms.Value));
        }
        return new PlayedAudio(rate, samples, blocks);
    }

    /// <summary>
    /// Runs of sound: each starts at the first sample louder than <paramref name="level"/> after at least
    /// <paramref name="minimumSilenceMs"/> without one (a pause inside a sentence does not start a run),
    /// and ends at its last loud sample. Times in avatar-clock ms.
    /// </summary>
    public IReadOnlyList<(double OnsetMs, double EndMs)> SoundRuns(float level = 0.02f, double minimumSilenceMs = 400)
    {
        var runs = new List<(double, double)>();
        double? onset = null, last = null;
        foreach (var (frame, count, ms) in _blocks)
        {
            for (var i = 0; i < count; i++)
            {
                if (Math.Abs(Samples[frame + i]) <= level)
                {
                    continue;
                }
                var t = ms + i * 1000.0 / SampleRate;
                if (last is { } l && t - l >= minimumSilenceMs)
                {
                    runs.Add((onset!.Value, l));
                    onset = null;
                }
                onset ??= t;
                last = t;
            }
        }
        if (onset is { } o)
        {
            runs.Add((o, last!.Value));
        }
        return runs;
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Samples.Length} samples at {SampleRate} Hz in {_blocks.Count} blocks");
}
