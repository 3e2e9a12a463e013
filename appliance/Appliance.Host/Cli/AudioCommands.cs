using System.CommandLine;
using Appliance.Core.Audio;
using Appliance.Drivers.Audio;

namespace Appliance.Host.Cli;

/// <summary>
/// `audio devices|record|play|loopback-test` and `bench frontend`: the technician's view of the audio
/// path. Device names are the ones `audio devices` prints (for ALSA, the PCM names).
/// </summary>
internal static class AudioCommands
{
    public static IEnumerable<Command> Create()
    {
        var audio = new Command("audio", "Audio devices: list, record, play, loopback self-test");
        audio.Subcommands.Add(Devices());
        audio.Subcommands.Add(Record());
        audio.Subcommands.Add(Play());
        audio.Subcommands.Add(AudioLoopbackTest.Create());
        audio.Subcommands.Add(AudioFrontEndCommand.Create());
        yield return audio;
        var bench = new Command("bench", "Benchmarks that print the MEASURE.md figures");
        bench.Subcommands.Add(FrontEndBench.Create());
        yield return bench;
    }

    private static Option<string?> DeviceOption(string description) => new("--device") { Description = description };

    private static Command Devices()
    {
        var command = new Command("devices", "List audio devices PortAudio sees (name, host API, channels, default rate)");
        command.SetAction(_ => Guarded(() =>
        {
            using var runtime = PortAudioRuntime.Initialize();
            Console.WriteLine(runtime.VersionText);
            var devices = runtime.Devices();
            if (devices.Count == 0)
            {
                Console.WriteLine("no audio devices found");
            }
            foreach (var d in devices)
            {
                Console.WriteLine(d);
            }
            return 0;
        }));
        return command;
    }

    private static Command Record()
    {
        var seconds = new Option<double>("--seconds") { Description = "how long to record", DefaultValueFactory = _ => 5 };
        var output = new Option<string>("--out") { Description = "WAV file to write", Required = true };
        var device = DeviceOption("capture device name or index (default: the system default)");
        var channels = new Option<int>("--channels") { Description = "channels to open on the device (mic arrays: 2, 4, 6, 8)", DefaultValueFactory = _ => 1 };
        var select = new Option<string?>("--select") { Description = "channels to keep in the file, e.g. 0,2 (default: all)" };
        var rate = new Option<int>("--rate") { Description = "sample rate, Hz", DefaultValueFactory = _ => 16000 };
        var command = new Command("record", "Record from a capture device into a WAV file") { seconds, output, device, channels, select, rate };
        command.SetAction(parse => Guarded(async () =>
        {
            var n = parse.GetValue(seconds);
            if (n is <= 0 or > 3600)
            {
                throw new ArgumentException($"--seconds {n} must be within 0..3600");
            }
            var open = parse.GetValue(channels);
            var keep = ParseSelection(parse.GetValue(select), open);
            using var runtime = PortAudioRuntime.Initialize();
            await using var capture = PortAudioCapture.Open(runtime, parse.GetValue(device), open, parse.GetValue(rate), backpressure: true);
            var wanted = (long)(n * capture.SampleRate);
            var samples = new List<float>();
            long frames = 0;
            await foreach (var frame in capture.ReadAsync())
            {
                var take = (int)Math.Min(frame.Frames, wanted - frames);
                for (var t = 0; t < take; t++)
                {
                    foreach (var c in keep)
                    {
                        samples.Add(frame.Samples[t * open + c]);
                    }
                }
                frames += take;
                if (frames >= wanted)
                {
                    break;
                }
            }
            WavFile.Write(parse.GetValue(output)!, samples.ToArray(), capture.SampleRate, keep.Length);
            Console.WriteLine($"recorded {frames} frames ({(double)frames / capture.SampleRate:0.00} s), channels [{string.Join(",", keep)}] of {capture.Device.Name} -> {parse.GetValue(output)}");
            return 0;
        }));
        return command;
    }

    private static Command Play()
    {
        var file = new Argument<string>("file") { Description = "WAV file (mono or stereo; stereo is mixed to mono)" };
        var device = DeviceOption("playback device name or index (default: the system default)");
        var command = new Command("play", "Play a WAV file and report the positions PortAudio played") { file, device };
        command.SetAction(parse => Guarded(async () =>
        {
            var audio = WavFile.Read(parse.GetValue(file)!);
            var mono = audio.Channels == 1 ? audio.Samples : Mix(audio);
            using var runtime = PortAudioRuntime.Initialize();
            await using var playback = PortAudioPlayback.Open(runtime, parse.GetValue(device), audio.SampleRate);
            var started = TimeProvider.System.GetTimestamp();
            await playback.WriteAsync(mono);
            await playback.DrainAsync();
            var position = playback.Position;
            Console.WriteLine($"played {position.FramesPlayed} of {mono.Length} frames at {audio.SampleRate} Hz on {playback.Device.Name} " +
                $"in {TimeProvider.System.GetElapsedTime(started).TotalSeconds:0.00} s; underruns {playback.Counters.Underruns}");
            return 0;
        }));
        return command;
    }

    private static float[] Mix(WavAudio audio)
    {
        var mono = new float[audio.Frames];
        for (var t = 0; t < mono.Length; t++)
        {
            var sum = 0f;
            for (var c = 0; c < audio.Channels; c++)
            {
                sum += audio.Samples[t * audio.Channels + c];
            }
            mono[t] = sum / audio.Channels;
        }
        return mono;
    }

    private static int[] ParseSelection(string? selection, int channels)
    {
        if (string.IsNullOrWhiteSpace(selection))
        {
            return Enumerable.Range(0, channels).ToArray();
        }
        var picked = selection.Split(',').Select(s => int.TryParse(s, out var c) ? c : -1).ToArray();
        if (picked.Any(c => c < 0 || c >= channels))
        {
            throw new ArgumentException($"--select {selection}: channels must be numbers 0..{channels - 1} (the device is opened with {channels})");
        }
        return picked;
    }

    /// <summary>Turns the errors a technician can fix into a message and exit code 2, not a stack trace.</summary>
    internal static int Guarded(Func<int> action) => Guarded(() => Task.FromResult(action())).GetAwaiter().GetResult();

    internal static async Task<int> Guarded(Func<Task<int>> action)
    {
        try
        {
            return await action();
        }
        catch (Exception e) when (e is AudioDeviceException or InvalidAudioException or ArgumentException or Appliance.Core.Native.NativeLibraryLoadException
                                   or Appliance.Drivers.Dsp.ArrayGeometryException or IOException or InvalidOperationException)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return 2;
        }
    }
}
