using System.Runtime.InteropServices;
using Appliance.Drivers.Dsp;
using Appliance.Drivers.Dsp.Synthesis;

namespace Appliance.Drivers.Audio.Tests;

/// <summary>
/// Real ALSA devices without a sound card: an asound.conf written at test time that includes the
/// system alsa.conf and adds file-plugin PCMs — "kiosk_mic" (4 channels, 16 kHz) reading a raw file
/// holding a synthesised plane wave with known inter-mic delays, "kiosk_speaker" (mono 16 kHz) and
/// "kiosk_speaker48" (stereo 48 kHz, exercises resampling) writing raw files. alsa-lib (1.2.8 in
/// bookworm) reads the top-level configuration named by ALSA_CONFIG_PATH; .NET does not pass
/// Environment.SetEnvironmentVariable to the C library, so it is set with libc setenv before PortAudio
/// initialises. The fixture owns the process's single PortAudioRuntime.
/// </summary>
public sealed partial class AlsaTestDevices : IDisposable
{
    public const int MicChannels = 4;
    public static readonly ArrayGeometry Geometry = ArrayGeometry.Circular(4, 0.032);

    public AlsaTestDevices()
    {
        Dir = Directory.CreateTempSubdirectory("alsa-test").FullName;
        // 2 s of a 4-mic plane wave from 60° (noise-like source so every channel differs).
        var random = new Random(3);
        var source = Enumerable.Range(0, 32000).Select(_ => (float)(random.NextDouble() - 0.5) * 0.5f).ToArray();
        var signal = TestSignals.PlaneWave(source, Geometry, 60, 16000, snrDb: 60, seed: 4);
        MicPcm = signal.Select(v => (short)Math.Clamp(Math.Round(v * 32767), short.MinValue, short.MaxValue)).ToArray();
        File.WriteAllBytes(MicFile, MemoryMarshal.AsBytes(MicPcm.AsSpan()).ToArray());
        File.WriteAllText(ConfigFile, $$"""
            </usr/share/alsa/alsa.conf>
            pcm.kiosk_mic {
              type plug
              slave {
                pcm { type file slave.pcm "null" file "{{Dir}}/mic-copy.raw" infile "{{MicFile}}" format "raw" }
                format S16_LE
                rate 16000
                channels {{MicChannels}}
              }
            }
            pcm.kiosk_speaker {
              type plug
              slave {
                pcm { type file slave.pcm "null" file "{{SpeakerFile}}" format "raw" }
                format S16_LE
                rate 16000
                channels 1
              }
            }
            pcm.kiosk_speaker48 {
              type plug
              slave {
                pcm { type file slave.pcm "null" file "{{Speaker48File}}" format "raw" }
                format S16_LE
                rate 48000
                channels 2
              }
            }
            """);
        if (setenv("ALSA_CONFIG_PATH", ConfigFile, 1) != 0)
        {
            throw new InvalidOperationException("setenv(ALSA_CONFIG_PATH) failed");
        }
        Runtime = PortAudioRuntime.Initialize();
    }

    public string Dir { get; }

    public string ConfigFile => Path.Combine(Dir, "asound.conf");

    public string MicFile => Path.Combine(Dir, "mic.raw");

    public string SpeakerFile => Path.Combine(Dir, "speaker.raw");

    public string Speaker48File => Path.Combine(Dir, "speaker48.raw");

    public short[] MicPcm { get; }

    public PortAudioRuntime Runtime { get; }

    public static short[] ReadPcm(string path) => MemoryMarshal.Cast<byte, short>(File.ReadAllBytes(path)).ToArray();

    public void Dispose() => Runtime.Dispose();

    [LibraryImport("libc", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int setenv(string name, string value, int overwrite);
}

[CollectionDefinition("alsa")]
public sealed class AlsaCollection : ICollectionFixture<AlsaTestDevices>;
