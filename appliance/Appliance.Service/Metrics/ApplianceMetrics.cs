using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Appliance.Service.Runtime;

namespace Appliance.Service.Metrics;

/// <summary>
/// The appliance's counters in Prometheus text format (GET /metrics). The pipeline calls the Record*
/// methods (see README "Wiring"); everything is thread-safe and allocation-light so the audio path
/// can call it directly.
/// </summary>
public sealed class ApplianceMetrics
{
    /// <summary>Milliseconds; spans a VAD frame to a slow LLM reply.</summary>
    public static readonly double[] LatencyBucketsMs = [5, 10, 25, 50, 100, 250, 500, 750, 1000, 1500, 2500, 5000, 10000];

    private static readonly double[] LoadBucketsS = [0.1, 0.5, 1, 2, 5, 10, 30, 60, 120];

    /// <summary>Milliseconds; an audio block normally waits well under one block (16–20 ms) for the loop.</summary>
    public static readonly double[] LatenessBucketsMs = [0.25, 0.5, 1, 2, 3, 5, 7.5, 10, 15, 20, 30, 50, 75, 100, 250, 500, 1000];

    private readonly ConcurrentDictionary<string, Histogram> _stages = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Histogram> _modelLoads = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _reconnects = new(StringComparer.Ordinal);
    private readonly Histogram _voiceToVoice = new(LatencyBucketsMs);
    private readonly Histogram _frameLateness = new(LatenessBucketsMs);
    private Func<AudioPathCounters>? _audioPath;
    private long _frames;
    private long _turns;
    private long _bargeIns;
    private long _blockedInputs;
    private long _blockedOutputs;
    private long _xruns;

    public void RecordStage(string stage, double milliseconds)
        => _stages.GetOrAdd(stage, _ => new Histogram(LatencyBucketsMs)).Observe(milliseconds);

    /// <summary>Records a finished turn: one count, its stages, barge-in and voice-to-voice latency.</summary>
    public void RecordTurn(TurnTrace turn)
    {
        Interlocked.Increment(ref _turns);
        foreach (var stage in turn.Stages)
        {
            RecordStage(stage.Stage, stage.EndMs - stage.StartMs);
        }
        if (turn.BargedIn)
        {
            Interlocked.Increment(ref _bargeIns);
        }
        if (turn.VoiceToVoiceMs is { } v2v)
        {
            _voiceToVoice.Observe(v2v);
        }
    }

    public void RecordBlockedInput() => Interlocked.Increment(ref _blockedInputs);

    public void RecordBlockedOutput() => Interlocked.Increment(ref _blockedOutputs);

    public void RecordXrun() => Interlocked.Increment(ref _xruns);

    /// <summary>
    /// One audio block taken by the conversation loop, <paramref name="milliseconds"/> after its last sample
    /// was captured (replay: after it was due). Called 50–60 times a second from the audio loop: lock-free.
    /// </summary>
    public void RecordFrameLateness(double milliseconds)
    {
        Interlocked.Increment(ref _frames);
        _frameLateness.Observe(milliseconds);
    }

    /// <summary>The live audio path registers its driver counters once it is open (read on each scrape).</summary>
    public void AttachAudioPath(Func<AudioPathCounters> read) => _audioPath = read;

    public void RecordDeviceReconnect(string device) => _reconnects.AddOrUpdate(device, 1, (_, n) => n + 1);

    public void RecordModelLoad(string model, TimeSpan duration)
        => _modelLoads.GetOrAdd(model, _ => new Histogram(LoadBucketsS)).Observe(duration.TotalSeconds);

    public long Turns => Interlocked.Read(ref _turns);

    public string ToPrometheusText()
    {
        var sb = new StringBuilder(4096);
        sb.Append("# HELP appliance_stage_latency_ms Per-stage latency of a turn in milliseconds.\n# TYPE appliance_stage_latency_ms histogram\n");
        foreach (var (stage, h) in _stages.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            h.Write(sb, "appliance_stage_latency_ms", $"stage=\"{Escape(stage)}\"");
        }
        sb.Append("# HELP appliance_voice_to_voice_ms End of question to first reply sample (MEASURE.md).\n# TYPE appliance_voice_to_voice_ms histogram\n");
        _voiceToVoice.Write(sb, "appliance_voice_to_voice_ms", "");
        Counter(sb, "appliance_turns_total", "Turns completed or cancelled.", _turns);
        Counter(sb, "appliance_barge_ins_total", "Turns interrupted by the visitor.", _bargeIns);
        Counter(sb, "appliance_blocked_inputs_total", "User utterances stopped by the input guard.", _blockedInputs);
        Counter(sb, "appliance_blocked_outputs_total", "Replies stopped by the output compliance filter.", _blockedOutputs);
        var audio = _audioPath?.Invoke() ?? new AudioPathCounters(0, 0, 0, 0);
        Counter(sb, "appliance_audio_xruns_total", "Audio under/overruns (capture overruns + playback underruns).",
            Interlocked.Read(ref _xruns) + audio.CaptureOverruns + audio.PlaybackUnderruns);
        Counter(sb, "appliance_audio_capture_overruns_total", "Capture xruns: audio the reader was too slow to take.", audio.CaptureOverruns);
        Counter(sb, "appliance_audio_playback_underruns_total", "Playback xruns: the speaker ran dry mid-reply.", audio.PlaybackUnderruns);
        Counter(sb, "appliance_audio_dropped_blocks_total", "Captured blocks dropped because the conversation loop fell behind.", audio.DroppedBlocks);
        Counter(sb, "appliance_audio_device_losses_total", "Capture device failures bridged by reopening it.", audio.DeviceLosses);
        Counter(sb, "appliance_audio_frames_total", "Audio blocks taken by the conversation loop.", _frames);
        sb.Append("# HELP appliance_audio_frame_lateness_ms Time from a block's last captured sample to the conversation loop taking it.\n# TYPE appliance_audio_frame_lateness_ms histogram\n");
        _frameLateness.Write(sb, "appliance_audio_frame_lateness_ms", "");
        sb.Append("# HELP appliance_device_reconnects_total Audio/LED/display device reconnects.\n# TYPE appliance_device_reconnects_total counter\n");
        foreach (var (device, n) in _reconnects.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            sb.Append(CultureInfo.InvariantCulture, $"appliance_device_reconnects_total{{device=\"{Escape(device)}\"}} {n}\n");
        }
        sb.Append("# HELP appliance_model_load_seconds Model load time.\n# TYPE appliance_model_load_seconds histogram\n");
        foreach (var (model, h) in _modelLoads.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            h.Write(sb, "appliance_model_load_seconds", $"model=\"{Escape(model)}\"");
        }
        return sb.ToString();
    }

    private static void Counter(StringBuilder sb, string name, string help, long value)
        => sb.Append(CultureInfo.InvariantCulture, $"# HELP {name} {help}\n# TYPE {name} counter\n{name} {Interlocked.Read(ref value)}\n");

    private static string Escape(string label) => label.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\n", "\\n");
}
