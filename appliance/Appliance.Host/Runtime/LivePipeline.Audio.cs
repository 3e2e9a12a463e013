using Appliance.Core.Audio;
using Appliance.Drivers.Audio;
using Appliance.Service.Runtime;
using Microsoft.Extensions.Logging;
using PipelineState = Appliance.Service.Runtime.PipelineState;

namespace Appliance.Host.Runtime;

/// <summary>
/// /api/audio in `run`: the PortAudio devices (marked when the pipeline has them open), levels measured
/// on the blocks the conversation loop takes and on the blocks the speaker plays, and a test tone
/// played through the pipeline's own output (no second stream on the device): 409 while the avatar is
/// talking, 503 while there is no output device yet.
/// </summary>
internal sealed partial class LivePipeline : IAudioControl
{
    private const double Silence = -120;
    private readonly Lock _levelsGate = new();
    private readonly Lock _portAudioGate = new();
    private double[] _inputRms = [];
    private double[] _inputPeak = [];
    private double _outputRms = Silence;
    private long _outputAt;

    public IReadOnlyList<AudioDeviceInfo> Devices()
    {
        PortAudioRuntime runtime;
        try
        {
            runtime = PortAudio();
        }
        catch (Exception e) when (e is DllNotFoundException or AudioDeviceException or InvalidOperationException)
        {
            _logger.LogWarning("audio: cannot list devices ({Problem})", e.Message);
            return [];
        }
        var open = _rig?.Description ?? "";
        return runtime.Devices()
            .Select(d => new AudioDeviceInfo(d.Index.ToString(System.Globalization.CultureInfo.InvariantCulture), d.Name, d.MaxInputChannels, d.MaxOutputChannels,
                open.Contains(d.Name, StringComparison.Ordinal)))
            .ToList();
    }

    public AudioLevels Levels()
    {
        lock (_levelsGate)
        {
            // A speaker that played nothing for half a second is silent, not stuck at its last level.
            var output = _clock.GetElapsedTime(_outputAt) < TimeSpan.FromMilliseconds(500) ? _outputRms : Silence;
            return new AudioLevels(_inputRms.ToArray(), _inputPeak.ToArray(), output);
        }
    }

    public async Task PlayTestToneAsync(double frequencyHz, int durationMs, CancellationToken cancellationToken)
    {
        if (_rig is not { } rig)
        {
            throw new InvalidOperationException(_problem ?? "no audio output is open yet");
        }
        if (_state is PipelineState.Speaking or PipelineState.Thinking)
        {
            throw new AudioBusyException($"the avatar is {_state.ToString().ToLowerInvariant()}; try the test tone when it is idle or listening");
        }
        var rate = rig.Playback.SampleRate;
        var samples = new float[rate * durationMs / 1000];
        var fade = Math.Min(samples.Length / 2, rate / 100); // 10 ms ramps: no click at either end
        for (var i = 0; i < samples.Length; i++)
        {
            var gain = Math.Min(1.0, Math.Min(i, samples.Length - 1 - i) / (double)Math.Max(1, fade));
            samples[i] = (float)(0.3 * gain * Math.Sin(2 * Math.PI * frequencyHz * i / rate));
        }
        await rig.Playback.WriteAsync(samples, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>PortAudio, initialised once for the process (device list and the live devices share it).</summary>
    private PortAudioRuntime PortAudio()
    {
        lock (_portAudioGate)
        {
            return _portAudio ??= PortAudioRuntime.Initialize();
        }
    }

    /// <summary>Per-channel RMS/peak of a captured block (audio loop thread; 320 samples, no allocation but the result).</summary>
    private void MeasureInput(AudioFrame frame)
    {
        var channels = frame.Channels;
        var rms = new double[channels];
        var peak = new double[channels];
        var samples = frame.Samples;
        for (var i = 0; i < samples.Length; i++)
        {
            var c = i % channels;
            var s = Math.Abs(samples[i]);
            rms[c] += s * s;
            peak[c] = Math.Max(peak[c], s);
        }
        var frames = Math.Max(1, frame.Frames);
        for (var c = 0; c < channels; c++)
        {
            rms[c] = Dbfs(Math.Sqrt(rms[c] / frames));
            peak[c] = Dbfs(peak[c]);
        }
        lock (_levelsGate)
        {
            _inputRms = rms;
            _inputPeak = peak;
        }
    }

    private void MeasureOutput(PlayedBlock block)
    {
        double sum = 0;
        foreach (var s in block.Samples.Span)
        {
            sum += s * s;
        }
        var rms = Dbfs(Math.Sqrt(sum / Math.Max(1, block.Samples.Length)));
        lock (_levelsGate)
        {
            _outputRms = rms;
            _outputAt = _clock.GetTimestamp();
        }
    }

    private static double Dbfs(double amplitude) => amplitude <= 1e-6 ? Silence : Math.Round(Math.Max(Silence, 20 * Math.Log10(amplitude)), 1);
}
