using Appliance.Core.Speech;
using Appliance.Models.Sherpa.Vad;

namespace Appliance.Models.Sherpa.Tests.Vad;

internal static class VadRun
{
    /// <summary>Runs a whole signal through the detector in capture-sized chunks, then flushes.</summary>
    public static List<VadEvent> Events(SherpaVoiceActivityDetector vad, float[] samples, int chunk = 480)
    {
        vad.Reset();
        var events = new List<VadEvent>();
        for (var i = 0; i < samples.Length; i += chunk)
        {
            vad.Accept(samples.AsSpan(i, Math.Min(chunk, samples.Length - i)), events);
        }
        vad.Flush(events);
        return events;
    }

    public static List<SpeechSegment> Segments(SherpaVoiceActivityDetector vad, float[] samples, int chunk = 480) =>
        Events(vad, samples, chunk).OfType<SpeechSegment>().ToList();

    public static string Describe(IEnumerable<SpeechSegment> segments) =>
        string.Join(" ", segments.Select(s => $"[{s.StartSample / 16000.0:F2}-{s.EndSample / 16000.0:F2}]"));
}
