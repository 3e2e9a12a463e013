using Appliance.TestSupport.Fakes;
using Appliance.Devices.Audio;
using Appliance.Devices.Gpio;
using Appliance.Drivers.Gpio.Kernel;
using Appliance.Drivers.Gpio.Tests;
using Appliance.Pipeline;
using Appliance.Provisioning.Document;
using Appliance.Service;
using Appliance.Service.Configuration;
using Appliance.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;

namespace Appliance.Devices.Tests;

/// <summary>The GPIO lines of the running service through a fake chip (the ioctl layer's test double).</summary>
public sealed class GpioControlsTests
{
    private readonly FakeGpioChip _chip = new();
    private readonly ScriptedConversation _conversation = new();
    private readonly RecordingSpeech _speech = new();
    private readonly MicrophoneGate _gate = new();
    private readonly SpeakerMonitor _speaker = new();

    private static GpioSection AllLines(string chip = "/dev/gpiochip0") => new()
    {
        PushToTalk = new GpioLine { Chip = chip, Line = 17, ActiveLow = true, DebounceMs = 20 },
        Mute = new GpioLine { Chip = chip, Line = 27, ActiveLow = true, DebounceMs = 20 },
        Presence = new GpioLine { Chip = chip, Line = 22 },
        AmplifierEnable = new GpioLine { Chip = chip, Line = 5 },
        GreetHoldoffS = 60,
        AmplifierOffAfterS = 10,
    };

    private GpioControls Controls(GpioSection gpio, GpioChipOpener? opener = null) => new(
        new DeviceSettings(null, gpio, "Welcome to booth 7!", "test"),
        opener ?? (_ => _chip), _conversation, _speech, _gate, _speaker, NullLogger<GpioControls>.Instance);

    private static async Task Until(Func<bool> condition, string what)
    {
        for (var i = 0; i < 500 && !condition(); i++)
        {
            await Task.Delay(10);
        }
        Assert.True(condition(), what);
    }

    [Fact]
    public async Task Buttons_presence_and_amplifier_work_through_the_chip()
    {
        var controls = Controls(AllLines());
        await controls.StartAsync(CancellationToken.None);
        try
        {
            Assert.Equal([17u, 27u, 22u, 5u], _chip.Requests.Select(r => r.offsets[0]));
            Assert.Equal("appliance-amp", _chip.Requests[3].consumer.ToString());
            Assert.Equal(4, controls.Status.Count);
            var (ptt, mute, pir, amp) = (_chip.Lines[0], _chip.Lines[1], _chip.Lines[2], _chip.Lines[3]);

            // Push-to-talk fitted: the microphone is closed until the button is held.
            Assert.False(_gate.IsOpen);
            ptt.Edge(rising: true, 1_000);
            await Until(() => _gate.IsOpen, "held push-to-talk opens the microphone");
            Assert.Contains("push-to-talk", _conversation.Wakes);
            ptt.Edge(rising: false, 2_000);
            await Until(() => !_gate.IsOpen, "released push-to-talk closes it");

            // Mute toggles on each press (releases do nothing).
            mute.Edge(rising: true, 3_000);
            await Until(() => _gate.Muted, "first press mutes");
            mute.Edge(rising: false, 3_100);
            mute.Edge(rising: true, 4_000);
            await Until(() => !_gate.Muted, "second press unmutes");

            // A visitor walks up: wake and greet through the say path, once.
            pir.Edge(rising: true, 5_000);
            await Until(() => _speech.Said.Count == 1, "the visitor is greeted");
            Assert.Equal("Welcome to booth 7!", _speech.Said[0]);
            Assert.Contains("presence", _conversation.Wakes);

            // A reply is coming (button pressed, greeting queued): the amplifier is on before any audio.
            Assert.Equal(1ul, amp.Level);
            Assert.True(controls.Amplifier!.On);
            Assert.NotNull(_speaker.BeforeWrite); // and every write makes sure of it
        }
        finally
        {
            await controls.StopAsync(CancellationToken.None);
        }
        Assert.Equal(0ul, _chip.Lines[3].Level); // released inactive: the amplifier is off when the service stops
        Assert.All(_chip.Lines, l => Assert.True(l.Disposed));
        Assert.False(_gate.PushToTalkFitted);
    }

    [Fact]
    public async Task The_presence_greeting_is_the_configured_one_so_an_admin_change_beats_the_stick()
    {
        using var dir = new TempDir();
        var options = new ServiceOptions
        {
            StateDir = dir.Sub("state"),
            ConfigDir = dir.Sub("config"),
            ProvisionedDefaults = config => config.Persona.Greeting = "Welcome to booth 7!",
        };
        var store = new ConfigStore(options, NullLogger<ConfigStore>.Instance);
        Assert.Equal("Welcome to booth 7!", store.Current.Persona.Greeting);
        var changed = store.Current;
        changed.Persona.Greeting = "Hello from the admin API";
        store.Save(changed);

        var controls = new GpioControls(
            new DeviceSettings(null, AllLines(), "Welcome to booth 7!", "test"),
            _ => _chip, _conversation, _speech, _gate, _speaker, NullLogger<GpioControls>.Instance, store);
        await controls.StartAsync(CancellationToken.None);
        try
        {
            _chip.Lines[2].Edge(rising: true, 5_000);
            await Until(() => _speech.Said.Count == 1, "the visitor is greeted");
            Assert.Equal("Hello from the admin API", _speech.Said[0]);
        }
        finally
        {
            await controls.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task A_missing_gpio_chip_is_reported_and_the_service_keeps_running()
    {
        var controls = Controls(AllLines("/dev/gpiochip99"), path => new LinuxGpioChip(path));
        await controls.StartAsync(CancellationToken.None);
        await controls.StopAsync(CancellationToken.None);
        Assert.Equal(4, controls.Status.Count);
        Assert.All(controls.Status, s => Assert.Contains("unavailable (cannot open /dev/gpiochip99)", s));
        Assert.True(_gate.IsOpen); // no push-to-talk fitted after all: the microphone stays open
    }

    [Fact]
    public void The_greeting_waits_for_its_hold_off_and_never_interrupts_a_conversation()
    {
        var clock = new ManualTimeProvider();
        var greeter = new Greeter(TimeSpan.FromSeconds(60), clock);
        Assert.True(greeter.TryGreet(ConversationState.Idle));
        clock.Advance(TimeSpan.FromSeconds(30));
        Assert.False(greeter.TryGreet(ConversationState.Idle));
        clock.Advance(TimeSpan.FromSeconds(31));
        Assert.False(greeter.TryGreet(ConversationState.Speaking));
        Assert.True(greeter.TryGreet(ConversationState.Idle));
        Assert.Equal(2, greeter.Greetings);
    }

    [Fact]
    public void The_amplifier_goes_off_only_after_the_idle_timeout()
    {
        var clock = new ManualTimeProvider();
        var driven = new List<bool>();
        var amp = new AmplifierSwitch(driven.Add, TimeSpan.FromSeconds(10), clock);
        amp.Demand();
        amp.Demand();
        Assert.Equal([true], driven);
        clock.Advance(TimeSpan.FromSeconds(5));
        amp.Poll(busy: true); // still playing
        clock.Advance(TimeSpan.FromSeconds(9));
        amp.Poll(busy: false);
        Assert.True(amp.On);
        clock.Advance(TimeSpan.FromSeconds(1));
        amp.Poll(busy: false);
        Assert.False(amp.On);
        Assert.Equal([true, false], driven);
    }
}
