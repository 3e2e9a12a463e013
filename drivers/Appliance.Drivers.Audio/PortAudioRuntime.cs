using System.Runtime.InteropServices;
using Appliance.Core.Native;
using Appliance.Drivers.Audio.Interop;

namespace Appliance.Drivers.Audio;

/// <summary>
/// Owns PortAudio's global state: loads libportaudio.so.2, checks it is the v19 build whose structs we
/// mirror, and pairs Pa_Initialize with Pa_Terminate. One instance per process at a time; streams
/// are opened through it. <see cref="Refresh"/> re-enumerates devices (PortAudio lists devices only at
/// initialisation, so a re-plugged USB array needs it) when no stream is open.
/// </summary>
public sealed unsafe class PortAudioRuntime : IDisposable
{
    public const string FileName = "libportaudio.so.2";

    private static readonly Lock LoadGate = new();
    private static IntPtr library;
    private static PortAudioRuntime? current;
    private readonly Lock gate = new();
    private int openStreams;
    private bool initialized;

    private PortAudioRuntime()
    {
    }

    /// <summary>PortAudio's version text, e.g. "PortAudio V19.6.0-devel, revision ...".</summary>
    public string VersionText { get; private set; } = "";

    /// <summary>Loads the library (once per process) and initialises PortAudio.</summary>
    /// <exception cref="NativeLibraryLoadException">The library is missing.</exception>
    /// <exception cref="InvalidOperationException">Another runtime is alive, or the build is not v19.</exception>
    public static PortAudioRuntime Initialize()
    {
        lock (LoadGate)
        {
            if (current is not null)
            {
                throw new InvalidOperationException("PortAudio is already initialised in this process; share the existing PortAudioRuntime");
            }
            if (library == IntPtr.Zero)
            {
                var candidates = AppliancePaths.NativeDirs("portaudio").Select(d => Path.Combine(d, FileName)).Append(FileName);
                library = NativeLibraryLoader.Load(FileName, candidates);
                NativeLibraryLoader.Resolve(typeof(PortAudioRuntime).Assembly, new Dictionary<string, IntPtr> { [PortAudioNative.Library] = library });
            }
            // The structs we mirror are those of v19 (19.x keeps them stable); anything else is refused.
            var version = PortAudioNative.Pa_GetVersion();
            if (version >> 16 != 19)
            {
                throw new InvalidOperationException($"{FileName} reports version {version >> 16}.{(version >> 8) & 0xFF}; this binding mirrors PortAudio v19");
            }
            var runtime = new PortAudioRuntime { VersionText = Marshal.PtrToStringUTF8((IntPtr)PortAudioNative.Pa_GetVersionText()) ?? "" };
            runtime.Start();
            current = runtime;
            return runtime;
        }
    }

    private void Start()
    {
        var err = PortAudioNative.Pa_Initialize();
        if (err != PortAudioNative.paNoError)
        {
            throw new AudioDeviceException($"Pa_Initialize failed: {PortAudioNative.ErrorText(err)}", err);
        }
        initialized = true;
    }

    /// <summary>Re-enumerates devices if no stream is open; returns whether it did.</summary>
    public bool Refresh()
    {
        lock (gate)
        {
            ObjectDisposedException.ThrowIf(!initialized, this);
            if (openStreams > 0)
            {
                return false;
            }
            PortAudioNative.Pa_Terminate();
            initialized = false;
            Start();
            return true;
        }
    }

    public IReadOnlyList<AudioDevice> Devices()
    {
        lock (gate)
        {
            ObjectDisposedException.ThrowIf(!initialized, this);
            var count = PortAudioNative.Pa_GetDeviceCount();
            var devices = new List<AudioDevice>(Math.Max(0, count));
            for (var i = 0; i < count; i++)
            {
                var info = PortAudioNative.Pa_GetDeviceInfo(i);
                if (info is null)
                {
                    continue;
                }
                var api = PortAudioNative.Pa_GetHostApiInfo(info->hostApi);
                devices.Add(new AudioDevice(
                    i,
                    Marshal.PtrToStringUTF8((IntPtr)info->name) ?? $"device {i}",
                    api is null ? "?" : Marshal.PtrToStringUTF8((IntPtr)api->name) ?? "?",
                    info->maxInputChannels,
                    info->maxOutputChannels,
                    info->defaultSampleRate));
            }
            return devices;
        }
    }

    /// <summary>
    /// The device named <paramref name="nameOrIndex"/> (exact name, then a unique part of a name, or an
    /// index), or the default device when null. Unknown names list what exists.
    /// </summary>
    public AudioDevice FindDevice(string? nameOrIndex, AudioDirection direction)
    {
        var devices = Devices();
        var usable = devices.Where(d => direction == AudioDirection.Capture ? d.MaxInputChannels > 0 : d.MaxOutputChannels > 0).ToList();
        AudioDevice? found;
        if (string.IsNullOrWhiteSpace(nameOrIndex) || nameOrIndex == "default")
        {
            int index;
            lock (gate)
            {
                index = direction == AudioDirection.Capture ? PortAudioNative.Pa_GetDefaultInputDevice() : PortAudioNative.Pa_GetDefaultOutputDevice();
            }
            found = usable.FirstOrDefault(d => d.Index == index);
        }
        else if (int.TryParse(nameOrIndex, out var index))
        {
            found = usable.FirstOrDefault(d => d.Index == index);
        }
        else
        {
            found = usable.FirstOrDefault(d => string.Equals(d.Name, nameOrIndex, StringComparison.OrdinalIgnoreCase));
            if (found is null)
            {
                var partial = usable.Where(d => d.Name.Contains(nameOrIndex, StringComparison.OrdinalIgnoreCase)).ToList();
                found = partial.Count == 1 ? partial[0] : null;
            }
        }
        return found ?? throw new AudioDeviceException(
            $"no {(direction == AudioDirection.Capture ? "capture" : "playback")} device '{nameOrIndex ?? "default"}'. Devices:" + Environment.NewLine + "  " +
            (usable.Count == 0 ? "(none)" : string.Join(Environment.NewLine + "  ", usable)));
    }

    /// <summary>Opens a blocking-API stream (capture xor playback) after checking the format is supported.</summary>
    internal PaStreamHandle Open(AudioDevice device, AudioDirection direction, int channels, int sampleRate, int framesPerBuffer, out PaStreamInfo info)
    {
        var max = direction == AudioDirection.Capture ? device.MaxInputChannels : device.MaxOutputChannels;
        if (channels < 1 || channels > max)
        {
            throw new AudioDeviceException($"{device.Name} supports 1..{max} {(direction == AudioDirection.Capture ? "capture" : "playback")} channels; {channels} requested", PortAudioNative.paInvalidChannelCount);
        }
        lock (gate)
        {
            ObjectDisposedException.ThrowIf(!initialized, this);
            var parameters = new PaStreamParameters
            {
                device = device.Index,
                channelCount = channels,
                sampleFormat = new CULong((nuint)PortAudioNative.paFloat32),
                suggestedLatency = 0.05,
            };
            var input = direction == AudioDirection.Capture ? &parameters : null;
            var output = direction == AudioDirection.Playback ? &parameters : null;
            var supported = PortAudioNative.Pa_IsFormatSupported(input, output, sampleRate);
            if (supported != PortAudioNative.paFormatIsSupported)
            {
                throw new AudioDeviceException(
                    $"{device.Name} cannot {(direction == AudioDirection.Capture ? "capture" : "play")} {channels} channel(s) at {sampleRate} Hz: " +
                    $"{PortAudioNative.ErrorText(supported)} (its default rate is {device.DefaultSampleRate:0} Hz)", supported);
            }
            IntPtr stream;
            var err = PortAudioNative.Pa_OpenStream(&stream, input, output, sampleRate, new CULong((nuint)framesPerBuffer), new CULong((nuint)(PortAudioNative.paClipOff | PortAudioNative.paDitherOff)), IntPtr.Zero, IntPtr.Zero);
            if (err != PortAudioNative.paNoError || stream == IntPtr.Zero)
            {
                throw new AudioDeviceException($"cannot open {device.Name}: {PortAudioNative.ErrorText(err)}", err);
            }
            var handle = new PaStreamHandle(stream);
            var pinfo = PortAudioNative.Pa_GetStreamInfo(handle);
            info = pinfo is null ? default : *pinfo;
            openStreams++;
            return handle;
        }
    }

    /// <summary>Whether <paramref name="sampleRate"/> works for the device (used to decide on resampling).</summary>
    internal bool Supports(AudioDevice device, AudioDirection direction, int channels, int sampleRate)
    {
        lock (gate)
        {
            var parameters = new PaStreamParameters
            {
                device = device.Index,
                channelCount = channels,
                sampleFormat = new CULong((nuint)PortAudioNative.paFloat32),
                suggestedLatency = 0.05,
            };
            return PortAudioNative.Pa_IsFormatSupported(direction == AudioDirection.Capture ? &parameters : null, direction == AudioDirection.Playback ? &parameters : null, sampleRate)
                == PortAudioNative.paFormatIsSupported;
        }
    }

    internal void Closed(PaStreamHandle handle)
    {
        lock (gate)
        {
            handle.Dispose();
            openStreams--;
        }
    }

    public void Dispose()
    {
        lock (LoadGate)
        {
            lock (gate)
            {
                if (initialized)
                {
                    PortAudioNative.Pa_Terminate();
                    initialized = false;
                }
            }
            if (current == this)
            {
                current = null;
            }
        }
    }
}
