using System.Diagnostics;
using Appliance.Core.Audio;
using Xunit.Abstractions;

namespace Appliance.Drivers.Audio.Tests;

/// <summary>Device loss: counted, logged, the service keeps running, and the real device is reopened when it returns.</summary>
[Collection("alsa")]
public sealed class DeviceLossTests(AlsaTestDevices alsa, ITestOutputHelper output)
{
    [Fact]
    public async Task A_lost_array_is_reopened_through_portaudio_when_it_comes_back()
    {
        var counters = new AudioCounters();
        var log = new List<string>();
        var gone = alsa.MicFile + ".unplugged";
        var fake = new FailingCapture(AlsaTestDevices.MicChannels, blocksBeforeFailure: 3);
        var opens = 0;
        var failedOpens = 0;
        IAudioCapture Open()
        {
            if (opens++ == 0)
            {
                return fake;
            }
            try
            {
                alsa.Runtime.Refresh(); // re-enumerate, as after a USB re-plug
                return PortAudioCapture.Open(alsa.Runtime, "kiosk_mic", AlsaTestDevices.MicChannels, counters: counters, backpressure: true);
            }
            catch
            {
                if (Interlocked.Increment(ref failedOpens) == 3)
                {
                    File.Move(gone, alsa.MicFile); // "re-plug" after three failed attempts
                    replugged = Stopwatch.GetTimestamp();
                }
                throw;
            }
        }
        var capture = new ResilientCapture(Open, 16000, AlsaTestDevices.MicChannels, counters, log.Add) { RetryInterval = TimeSpan.FromMilliseconds(100) };
        File.Move(alsa.MicFile, gone); // "unplug": the PCM cannot be opened any more
        var frames = new List<AudioFrame>();
        double? recoveryMs = null;
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await foreach (var frame in capture.ReadAsync(timeout.Token))
            {
                frames.Add(frame);
                if (frames.Count == 4)
                {
                    recoveryMs = Stopwatch.GetElapsedTime(replugged).TotalMilliseconds;
                }
                if (frames.Count == 8)
                {
                    break;
                }
            }
        }
        finally
        {
            if (File.Exists(gone))
            {
                File.Move(gone, alsa.MicFile);
            }
        }
        output.WriteLine(string.Join(Environment.NewLine, log));
        output.WriteLine($"recovered {recoveryMs:0} ms after re-plug; counters: {string.Join(", ", counters.Snapshot())}");
        Assert.True(fake.Disposed);
        Assert.Equal(1, counters.DeviceLosses);
        Assert.Equal(1, counters.Reopens);
        Assert.True(failedOpens >= 3);
        Assert.Contains("failed: Unanticipated host error", counters.LastError);
        Assert.Contains(log, l => l.Contains("no capture device 'kiosk_mic'", StringComparison.Ordinal));
        Assert.NotNull(counters.LastRecoveryMs);
        // Positions continue across the reopen: 3 blocks from the fake, then the real device from 768 on.
        Assert.Equal(Enumerable.Range(0, 8).Select(i => i * 256L), frames.Select(f => f.FirstFrame));
        Assert.NotEqual(0f, frames[3].Samples.Max(Math.Abs));
    }

    private long replugged;
}
