using System.Diagnostics;
using Appliance.Core.Audio;
using Appliance.Core.Speech;
using Appliance.Models.Sherpa.Vad;

namespace Appliance.Models.Sherpa.Bench;

/// <summary>
/// `bench vad`: silero VAD real-time factor and endpoint delay over a folder of 16 kHz recordings.
/// Each recording is followed by 2 s of digital silence (a user who stopped talking) and streamed in
/// 30 ms capture blocks. Endpoint delay = stream position when the segment is emitted minus the
/// last voiced sample of the recording (energy reference, not the VAD), in ms of audio.
/// </summary>
public static class VadBenchmark
{
    public const int Block = 480; // 30 ms

    public sealed record FileResult(string File, double AudioSeconds, double ProcessSeconds, double? EndpointDelayMs, int Segments);

    public sealed record Summary(
        int Files,
        double AudioSeconds,
        double VadRtf,
        double VadCpuRtf,
        double EndpointDelayMsP50,
        double EndpointDelayMsP95,
        double EndpointDelayMsMax,
        int EndpointN,
        float MinSilenceSeconds,
        IReadOnlyList<FileResult> PerFile);

    public static Summary Run(string directory, SileroVadOptions options)
    {
        var files = Directory.GetFiles(directory, "*.wav").Order(StringComparer.Ordinal).ToList();
        if (files.Count == 0)
        {
            throw new InvalidAudioException($"{directory}: no .wav files");
        }
        using var vad = new SherpaVoiceActivityDetector(options);
        // Wall time on a shared box includes time spent descheduled; process CPU time shows the cost.
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var results = files.Select(f => RunOne(vad, f)).ToList();
        var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
        var delays = results.Where(r => r.EndpointDelayMs is not null).Select(r => r.EndpointDelayMs!.Value).Order().ToList();
        var audio = results.Sum(r => r.AudioSeconds);
        return new Summary(
            results.Count,
            audio,
            results.Sum(r => r.ProcessSeconds) / audio,
            cpu / audio,
            Percentile(delays, 0.5),
            Percentile(delays, 0.95),
            delays.Count == 0 ? double.NaN : delays[^1],
            delays.Count,
            options.MinSilenceSeconds,
            results);
    }

    private static FileResult RunOne(SherpaVoiceActivityDetector vad, string path)
    {
        var recording = WavFile.ReadMono(path);
        var speechEnd = EnergyReference.SpeechSpan(recording)?.Offset;
        var signal = recording.Concat(new float[16000 * 2]).ToArray();
        vad.Reset();
        var events = new List<VadEvent>();
        double? delay = null;
        var segments = 0;
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < signal.Length; i += Block)
        {
            var n = Math.Min(Block, signal.Length - i);
            events.Clear();
            vad.Accept(signal.AsSpan(i, n), events);
            foreach (var segment in events.OfType<SpeechSegment>())
            {
                segments++;
                // The delay that matters is the end of the utterance: the last segment to close.
                if (speechEnd is not null && segment.EndSample >= speechEnd - 16000 / 2)
                {
                    delay = (i + n - speechEnd.Value) * 1000.0 / 16000;
                }
            }
        }
        events.Clear();
        vad.Flush(events);
        segments += events.OfType<SpeechSegment>().Count();
        clock.Stop();
        return new FileResult(Path.GetFileName(path), recording.Length / 16000.0, clock.Elapsed.TotalSeconds, delay, segments);
    }

    private static double Percentile(List<double> sorted, double q) =>
        sorted.Count == 0 ? double.NaN : sorted[(int)Math.Min(sorted.Count - 1, Math.Ceiling(q * sorted.Count) - 1)];
}
