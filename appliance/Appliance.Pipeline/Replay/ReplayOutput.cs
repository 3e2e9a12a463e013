using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Appliance.Core.Audio;
using Appliance.Core.Timing;
using Appliance.Pipeline.Audio;

namespace Appliance.Pipeline.Replay;

/// <summary>
/// Writes a replay's results: report.json (per-recording latencies and the headline figures),
/// timeline.json (every pipeline event with its time and playback frame: the animation timeline),
/// reply_NN.wav (what the kiosk said after each recording) and session.wav (stereo: microphone left,
/// kiosk right, on one time axis).
/// </summary>
public static class ReplayOutput
{
    public static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void Write(ReplaySession session, string directory, TimeProvider clock)
    {
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "report.json"), JsonSerializer.Serialize(session.Report, Json));
        File.WriteAllText(Path.Combine(directory, "timeline.json"), Timeline(session, clock).ToJsonString(Json));

        var capture = session.Capture;
        var playback = session.Playback;
        var utterances = capture.Utterances;
        for (var i = 0; i < utterances.Count; i++)
        {
            var from = utterances[i].VoicedEndTime;
            var until = i + 1 < utterances.Count ? capture.TimeOf(utterances[i + 1].StartFrame) : session.EndTimestamp;
            WavFile.Write(Path.Combine(directory, $"reply_{i + 1:D2}.wav"), playback.Render(from, until), playback.SampleRate);
        }
        var mic = capture.Recorded();
        var kiosk = Resampler.Convert(playback.Render(capture.StartTimestamp, session.EndTimestamp), playback.SampleRate, capture.SampleRate);
        var frames = Math.Max(mic.Length, kiosk.Length);
        var stereo = new float[frames * 2];
        for (var f = 0; f < frames; f++)
        {
            stereo[2 * f] = f < mic.Length ? mic[f] : 0;
            stereo[2 * f + 1] = f < kiosk.Length ? kiosk[f] : 0;
        }
        WavFile.Write(Path.Combine(directory, "session.wav"), stereo, capture.SampleRate, channels: 2);
    }

    /// <summary>Events as JSON objects with "type" and "t_ms" (ms since the microphone started).</summary>
    public static JsonArray Timeline(ReplaySession session, TimeProvider clock)
    {
        var array = new JsonArray();
        foreach (var e in session.Events)
        {
            var node = JsonSerializer.SerializeToNode(e, e.GetType(), Json)!.AsObject();
            node.Remove("timestamp");
            var ordered = new JsonObject
            {
                ["type"] = e.GetType().Name,
                ["t_ms"] = Math.Round(clock.ElapsedMs(session.Capture.StartTimestamp, e.Timestamp), 1),
            };
            foreach (var (key, value) in node.ToList())
            {
                node.Remove(key);
                ordered[key] = value;
            }
            array.Add(ordered);
        }
        return array;
    }
}
