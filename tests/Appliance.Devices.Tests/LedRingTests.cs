using Appliance.TestSupport.Fakes;
using Appliance.Devices.Audio;
using Appliance.Devices.Leds;
using Appliance.Devices.Updates;
using Appliance.Drivers.Leds.Patterns;
using Appliance.Drivers.Leds.Tests;
using Appliance.Pipeline;
using Appliance.Pipeline.Events;
using Appliance.Provisioning.Apply;
using Appliance.Provisioning.Document;
using Appliance.Provisioning.Progress;
using Appliance.Service.Runtime;
using Appliance.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;

namespace Appliance.Devices.Tests;

/// <summary>The LED ring driven by a scripted pipeline, byte-exact on a fake SPI bus (APA102, 4 LEDs, brightness 16, BGR).</summary>
public sealed class LedRingTests : IDisposable
{
    private const byte Header = 0xE0 | 16;
    private static readonly byte[] Start = [0, 0, 0, 0];
    private static readonly byte[] End = [0xFF, 0xFF, 0xFF, 0xFF];

    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("ledring-");
    private readonly ManualTimeProvider _clock = new();
    private readonly FakeSpiDevice _bus = new();
    private readonly ScriptedConversation _conversation = new();
    private readonly FakePipelineStatus _pipeline = new();
    private readonly SteppedPlayback _speaker = new();
    private readonly SpeakerMonitor _monitor = new();
    private readonly MicrophoneGate _gate = new();
    private readonly UpdateMonitor _updates;
    private readonly LedRing _ring;
    private readonly List<(string Path, uint Hz)> _opened = [];

    public LedRingTests()
    {
        _updates = new UpdateMonitor(Path.Combine(_dir.FullName, "progress.json"), NullLogger<UpdateMonitor>.Instance, _clock);
        _ring = Ring(new LedSection { Type = "apa102", Device = "/dev/spidev0.0", Count = 4, Order = "BGR", Brightness = 16 });
    }

    public void Dispose() => _dir.Delete(recursive: true);

    private LedRing Ring(LedSection? leds, SpiOpener? opener = null) => new(
        new DeviceSettings(leds, null, null, "test"),
        opener ?? ((path, hz) =>
        {
            _opened.Add((path, hz));
            return _bus;
        }),
        _conversation, _pipeline, _monitor, _gate, _updates, NullLogger<LedRing>.Instance, _clock);

    private static byte[] Frame(params (byte B, byte G, byte R)[] leds) =>
        [.. Start, .. leds.SelectMany(l => new[] { Header, l.B, l.G, l.R }), .. End];

    /// <summary>Next frame after the frame interval.</summary>
    private byte[] Step()
    {
        _clock.Advance(TimeSpan.FromMilliseconds(40));
        _ring.Frame();
        return _bus.Last;
    }

    [Fact]
    public async Task A_scripted_turn_produces_the_expected_frames_and_stop_turns_the_ring_off()
    {
        _monitor.Wrap(_speaker);
        Assert.True(_ring.Open());
        Assert.Equal([("/dev/spidev0.0", 8_000_000u)], _opened);
        Assert.Equal("apa102 × 4 on /dev/spidev0.0", _ring.Status);

        // Idle at t≈0: breathing at its floor, 0.6 × 0.08 of the idle colour #3060FF.
        Assert.True(_ring.Frame());
        Assert.Equal(Frame((0x0C, 0x05, 0x02), (0x0C, 0x05, 0x02), (0x0C, 0x05, 0x02), (0x0C, 0x05, 0x02)), _bus.Last);

        // The talker at 90° (clockwise from ahead): LED 3 of a counter-clockwise ring faces them, its neighbours half lit.
        _conversation.Go(ConversationState.Listening);
        _conversation.Hub.Publish(new DirectionOfArrival(0, 1, 90));
        Assert.Equal(Frame((0x45, 0x38, 0x00), (0x09, 0x07, 0x00), (0x45, 0x38, 0x00), (0x99, 0x7D, 0x00)), Step());

        _conversation.Go(ConversationState.Thinking);
        var thinking = Step();
        Assert.Equal(LedState.Thinking, _ring.Scene.State);
        // Spinner: head at full, three behind it fading (#A040FF red channel 96, 72, 48, 24).
        Assert.Equal(new byte[] { 0x18, 0x30, 0x48, 0x60 }, thinking.Skip(4).Take(16).Chunk(4).Select(led => led[3]).Order());

        // Speaking: the pulse follows what is heard now — a loud sentence queued, then the play position reaches it.
        _conversation.Go(ConversationState.Speaking);
        await _monitor.Wrap(_speaker).WriteAsync(Enumerable.Repeat(0.001f, 16000).Concat(Enumerable.Repeat(0.1f, 16000)).ToArray());
        _speaker.Played = 8000; // −60 dBFS: floor
        Assert.Equal(Frame((0x0C, 0x17, 0x03), (0x0C, 0x17, 0x03), (0x0C, 0x17, 0x03), (0x0C, 0x17, 0x03)), Step());
        _speaker.Played = 24000; // −20 dBFS: level 0.75
        var loud = Step();
        Assert.Equal(0.75, _ring.Scene.AudioLevel, 3);
        Assert.Equal(Frame((0x3C, 0x78, 0x0F), (0x3C, 0x78, 0x0F), (0x3C, 0x78, 0x0F), (0x3C, 0x78, 0x0F)), loud); // #20FF80 × 0.6 × (0.15 + 0.85 × 0.75)

        // The pipeline fails: error blink (on in the first half second of each second).
        _pipeline.State = PipelineState.Error;
        Step();
        Assert.Equal(LedState.Error, _ring.Scene.State);

        var frames = _bus.Frames.Count;
        await _ring.CloseAsync();
        Assert.Equal(frames + 1, _bus.Frames.Count);
        Assert.Equal(Frame((0, 0, 0), (0, 0, 0), (0, 0, 0), (0, 0, 0)), _bus.Last);
    }

    [Fact]
    public void Frames_are_capped_and_unchanged_frames_are_not_resent()
    {
        Assert.True(_ring.Open());
        _conversation.State = ConversationState.Listening;
        Assert.True(_ring.Frame());
        _clock.Advance(TimeSpan.FromMilliseconds(10)); // under 1/30 s
        _conversation.State = ConversationState.Thinking;
        Assert.False(_ring.Frame());
        _clock.Advance(TimeSpan.FromMilliseconds(30));
        Assert.True(_ring.Frame());
        _conversation.State = ConversationState.Listening;
        Step();
        var sent = _bus.Frames.Count;
        Step();
        Step();
        Assert.Equal(sent, _bus.Frames.Count); // a static listening ring costs no SPI traffic
    }

    [Fact]
    public async Task A_test_pattern_drives_the_ring_for_its_duration_then_the_state_pattern_returns()
    {
        Assert.True(_ring.Open());
        ILedControl control = _ring;
        Assert.Contains("rainbow", control.Patterns);
        await control.RunTestPatternAsync("all-on", 500, CancellationToken.None);
        Assert.Equal(Frame((153, 153, 153), (153, 153, 153), (153, 153, 153), (153, 153, 153)), Step());
        _clock.Advance(TimeSpan.FromMilliseconds(500));
        Step();
        Assert.Equal(LedState.Idle, _ring.Scene.State);
    }

    [Fact]
    public void Mute_and_provisioning_progress_take_over_the_ring()
    {
        Assert.True(_ring.Open());
        _gate.Muted = true;
        Step();
        Assert.Equal(LedState.Muted, _ring.Scene.State);

        ProvisioningStatusFile.Write(_updates.Path, new ProvisioningStatus(ProvisioningPhase.Copying, "models/llm/a.gguf", 50, 100, Environment.ProcessId, _clock.GetUtcNow()));
        _updates.Poll();
        Step();
        Assert.Equal(LedState.Provisioning, _ring.Scene.State);
        Assert.Equal(0.45, _ring.Scene.Progress, 3);
        Assert.Equal(1, _bus.Last.Skip(4).Take(16).Chunk(4).Count(led => led[3] == 153)); // 1.8 of 4 LEDs: one full, the next blinking

        ProvisioningStatusFile.Write(_updates.Path, new ProvisioningStatus(ProvisioningPhase.Failed, "Refused", 0, 0, Environment.ProcessId, _clock.GetUtcNow(), Outcome: "Refused"));
        _updates.Poll();
        Step();
        Assert.Equal(LedState.Error, _ring.Scene.State);
        _clock.Advance(UpdateMonitor.Linger + TimeSpan.FromSeconds(1));
        _updates.Poll();
        Step();
        Assert.Equal(LedState.Muted, _ring.Scene.State);
    }

    [Fact]
    public async Task No_ring_configured_or_a_missing_spidev_leaves_the_service_running_with_a_clear_status()
    {
        var none = Ring(null);
        await none.StartAsync(CancellationToken.None);
        await none.StopAsync(CancellationToken.None);
        Assert.Equal("not configured", none.Status);

        var missing = Ring(new LedSection { Type = "ws2812", Device = "/dev/spidev9.9", Count = 8 }, (path, hz) => new Appliance.Drivers.Leds.Spi.SpidevDevice(path, hz));
        await missing.StartAsync(CancellationToken.None);
        await missing.StopAsync(CancellationToken.None);
        Assert.StartsWith("unavailable (cannot open SPI device /dev/spidev9.9", missing.Status);
        await ((ILedControl)missing).RunTestPatternAsync("chase", 1000, CancellationToken.None); // logged, not thrown
        Assert.Equal("leds unavailable (cannot open SPI device /dev/spidev9.9", new DeviceActivity(_updates, missing).Suffix![..55]);
    }

    [Fact]
    public async Task The_hosted_ring_animates_on_its_own_timer_and_goes_dark_when_the_service_stops()
    {
        var ring = Ring(new LedSection { Type = "apa102", Device = "/dev/spidev0.0", Count = 4, Order = "BGR", Brightness = 16 });
        _conversation.State = ConversationState.Thinking;
        await ring.StartAsync(CancellationToken.None);
        for (var deadline = DateTime.UtcNow.AddSeconds(10); DateTime.UtcNow < deadline && _bus.Frames.Count < 3;) // the loop starts on the thread pool: bounded by real time, not tries
        {
            _clock.Advance(TimeSpan.FromMilliseconds(40));
            await Task.Delay(10);
        }
        Assert.True(_bus.Frames.Count >= 3, $"{_bus.Frames.Count} frames");
        await ring.StopAsync(CancellationToken.None);
        Assert.Equal(Frame((0, 0, 0), (0, 0, 0), (0, 0, 0), (0, 0, 0)), _bus.Last);
    }
}
