using Appliance.Core.Audio;
using Appliance.Devices.Audio;
using Appliance.Drivers.Audio;
using Appliance.Drivers.Dsp;
using Appliance.Service.Configuration;

namespace Appliance.Host.Runtime;

/// <summary>
/// The microphone and speaker the pipeline runs on: PortAudio devices from the configuration (capture
/// through ResilientCapture and the DSP front end, echo reference fed by the speaker), or in replay a
/// scripted microphone and a clocked file sink. Opened once per process: a pipeline restart or a config
/// reload keeps it.
/// </summary>
internal sealed class AudioRig : IAsyncDisposable
{
    private readonly List<IDisposable> _owned = [];
    private IAsyncDisposable? _device;

    private AudioRig(IAudioCapture capture, IAudioPlayback playback, string description, AudioCounters? counters = null)
    {
        Capture = capture;
        Playback = playback;
        Description = description;
        Counters = counters ?? new AudioCounters();
    }

    public IAudioCapture Capture { get; }

    public IAudioPlayback Playback { get; }

    public string Description { get; }

    /// <summary>
    /// The replay speaker is heard this long after a write, like the PortAudio stream OpenLive opens
    /// (suggestedLatency 0.05 s): without it the avatar's cues would reach the page after their sound.
    /// </summary>
    public static readonly TimeSpan ReplayOutputLatency = TimeSpan.FromMilliseconds(50);

    /// <summary>Xruns, drops and device losses (in replay only drops: the replay microphone loses blocks like a device when the loop falls 2 s behind): /metrics reads them.</summary>
    public AudioCounters Counters { get; }

    public static AudioRig OpenReplay(IReadOnlyList<string> files, TimeSpan gap, bool blocking, int ttsRate, TimeProvider clock)
    {
        var counters = new AudioCounters();
        return new(ReplayMicrophone.Open(files, clock, gap, blocking, counters), new FilePlayback(ttsRate, realTime: true, clock, ReplayOutputLatency),
            $"replay of {files.Count} recording(s), speaker latency {ReplayOutputLatency.TotalMilliseconds:F0} ms", counters);
    }

    /// <summary>The DSP front end of a live microphone array (DOA for the LED ring and the avatar's gaze); null in replay.</summary>
    public FrontEndCapture? FrontEnd { get; private set; }

    /// <summary>
    /// Opens both devices once or throws (AudioDeviceException, DllNotFoundException...): the caller retries
    /// and reports "waiting for audio device". Later losses of the microphone are bridged by ResilientCapture.
    /// </summary>
    public static AudioRig OpenLive(PortAudioRuntime runtime, ProvisionedAudio config, int ttsRate, Action<string> log)
    {
        runtime.Refresh(); // a device plugged in after boot is only seen after re-enumeration
        var input = DeviceName(config.InputDevice);
        var counters = new AudioCounters();
        var first = PortAudioCapture.Open(runtime, input, config.Channels, 16000, counters: counters);
        PortAudioPlayback playback;
        try
        {
            playback = PortAudioPlayback.Open(runtime, DeviceName(config.OutputDevice), ttsRate, counters: counters);
        }
        catch
        {
            first.DisposeAsync().AsTask().GetAwaiter().GetResult();
            throw;
        }
        IAudioCapture? pending = first;
        IAudioCapture Open()
        {
            var c = pending ?? PortAudioCapture.Open(runtime, input, config.Channels, 16000, counters: counters);
            pending = null;
            return c;
        }
        var resilient = new ResilientCapture(Open, 16000, config.Channels, counters, log);
        var echo = new EchoReference(16000, TimeProvider.System.TimestampFrequency);
        var frontEnd = new FrontEndCapture(resilient, new FrontEndOptions(config.Channels, config.Geometry), echo);
        var rig = new AudioRig(frontEnd, playback, $"{first.Device.Name} → {playback.Device.Name}", counters);
        rig.FrontEnd = frontEnd;
        rig._owned.Add(FrontEndCapture.Connect(playback, echo));
        rig._device = frontEnd;
        return rig;
    }

    private static string? DeviceName(string configured) =>
        string.IsNullOrWhiteSpace(configured) || configured == "default" ? null : configured;

    public async ValueTask DisposeAsync()
    {
        foreach (var d in _owned)
        {
            d.Dispose();
        }
        if (_device is not null)
        {
            await _device.DisposeAsync().ConfigureAwait(false);
        }
        await Playback.DisposeAsync().ConfigureAwait(false);
    }
}
