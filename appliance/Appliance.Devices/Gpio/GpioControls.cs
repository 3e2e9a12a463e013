using Appliance.Devices.Audio;
using Appliance.Drivers.Gpio.Kernel;
using Appliance.Drivers.Gpio.Lines;
using Appliance.Pipeline;
using Appliance.Pipeline.Events;
using Appliance.Provisioning.Document;
using Appliance.Service.Configuration;
using Appliance.Service.Runtime;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Appliance.Devices.Gpio;

/// <summary>
/// The GPIO lines of provisioning.yaml gpio.* in the running service:
/// <list type="bullet">
/// <item>push_to_talk — hold to talk: once fitted the microphone is open only while it is held; pressing
/// wakes the kiosk (voice then interrupts a reply as any barge-in does); releasing closes the microphone,
/// so the VAD ends the question and the turn starts.</item>
/// <item>mute — every press toggles privacy mute (microphone closed, ring steady dim red).</item>
/// <item>presence — PIR: an arrival wakes the avatar and says persona.greeting through the pipeline's say
/// path, at most once per greet_holdoff_s and only when nobody is talking to it.</item>
/// <item>amplifier_enable — on when a reply is coming, off after amplifier_off_after_s of silence.</item>
/// </list>
/// A missing chip or line is logged once with what it disables; the service keeps running without it.
/// </summary>
public sealed class GpioControls(
    DeviceSettings settings,
    GpioChipOpener openChip,
    IConversationControl conversation,
    ISpeechOutput speech,
    MicrophoneGate gate,
    SpeakerMonitor speaker,
    ILogger<GpioControls> logger,
    ConfigStore? config = null,
    TimeProvider? clock = null) : BackgroundService
{
    /// <summary>A PIR counts a visitor as gone after this long without motion.</summary>
    public static readonly TimeSpan PresenceHold = TimeSpan.FromSeconds(20);

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private readonly Dictionary<string, IGpioChip?> _chips = [];
    private readonly List<IDisposable> _lines = [];
    private readonly List<string> _status = [];
    private Greeter? _greeter;
    private GpioInputLine? _ptt;
    private GpioInputLine? _mute;
    private GpioInputLine? _pir;

    /// <summary>One entry per fitted line: "push_to_talk: /dev/gpiochip0 line 17" or why it is unavailable.</summary>
    public IReadOnlyList<string> Status => _status;

    public AmplifierSwitch? Amplifier { get; private set; }

    public Greeter? Greeter => _greeter;

    /// <summary>Claims the lines before the host reports started (a missing chip is known and logged by then).</summary>
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        Setup();
        return base.StartAsync(cancellationToken);
    }

    /// <summary>Stops the consumers, then releases the lines (outputs inactive: the amplifier is off when the service stops).</summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        try
        {
            await base.StopAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            speaker.BeforeWrite = null;
            gate.PushToTalkFitted = false;
            gate.PushToTalkHeld = false;
            foreach (var line in _lines)
            {
                line.Dispose();
            }
            _lines.Clear();
            foreach (var chip in _chips.Values)
            {
                chip?.Dispose();
            }
            _chips.Clear();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var tasks = new List<Task>();
        if (_ptt is { } ptt)
        {
            tasks.Add(ConsumeAsync(ptt, OnPushToTalk, stoppingToken));
        }
        if (_mute is { } mute)
        {
            tasks.Add(ConsumeAsync(mute, OnMute, stoppingToken));
        }
        if (_pir is { } pir)
        {
            var sensor = new PresenceSensor(PresenceHold, _clock);
            sensor.PresenceChanged += present => OnPresence(present, stoppingToken);
            tasks.Add(sensor.RunAsync(pir, stoppingToken));
        }
        if (Amplifier is { } amplifier)
        {
            tasks.Add(RunAmplifierAsync(amplifier, stoppingToken));
        }
        try
        {
            await Task.WhenAll(tasks).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private void Setup()
    {
        var gpio = settings.Gpio;
        if (gpio is null || (gpio.PushToTalk ?? gpio.Mute ?? gpio.Presence ?? gpio.AmplifierEnable) is null)
        {
            logger.LogInformation("gpio: no lines configured ({Source} gpio.*)", settings.Source);
            return;
        }
        _ptt = Claim("push_to_talk", gpio.PushToTalk, (chip, line) => new GpioInputLine(chip, line, "appliance-ptt"));
        gate.PushToTalkFitted = _ptt is not null;
        _mute = Claim("mute", gpio.Mute, (chip, line) => new GpioInputLine(chip, line, "appliance-mute"));
        _pir = Claim("presence", gpio.Presence, (chip, line) => new GpioInputLine(chip, line, "appliance-pir"));
        if (_pir is not null)
        {
            _greeter = new Greeter(TimeSpan.FromSeconds(gpio.GreetHoldoffS), _clock);
        }
        if (Claim("amplifier_enable", gpio.AmplifierEnable, (chip, line) => new GpioOutputLine(chip, line, "appliance-amp")) is { } amp)
        {
            var amplifier = new AmplifierSwitch(amp.Set, TimeSpan.FromSeconds(gpio.AmplifierOffAfterS), _clock);
            Amplifier = amplifier;
            speaker.BeforeWrite = _ =>
            {
                amplifier.Demand();
                return ValueTask.CompletedTask;
            };
        }
    }

    private T? Claim<T>(string role, GpioLine? configured, Func<IGpioChip, GpioLineSettings, T> claim)
        where T : class, IDisposable
    {
        if (configured is null)
        {
            return null;
        }
        var settings = new GpioLineSettings(configured.Chip, configured.Line, configured.ActiveLow,
            configured.ActiveLow ? GpioBias.PullUp : GpioBias.AsIs, configured.DebounceMs);
        var chip = Chip(configured.Chip, role);
        if (chip is null)
        {
            return null;
        }
        try
        {
            var line = claim(chip, settings);
            _lines.Add(line);
            _status.Add($"{role}: {configured.Chip} line {configured.Line}");
            logger.LogInformation("gpio: {Role} on {Chip} line {Line}", role, configured.Chip, configured.Line);
            return line;
        }
        catch (Exception e) when (e is IOException or ArgumentException)
        {
            _status.Add($"{role}: unavailable ({e.Message})");
            logger.LogWarning("gpio: {Role} unavailable: {Error}; the service runs without it", role, e.Message);
            return null;
        }
    }

    private IGpioChip? Chip(string path, string role)
    {
        if (!_chips.TryGetValue(path, out var chip))
        {
            try
            {
                chip = openChip(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                chip = null;
                logger.LogWarning("gpio: {Error}; lines on it are disabled, the service runs without them", e.Message);
            }
            _chips[path] = chip;
        }
        if (chip is null)
        {
            _status.Add($"{role}: unavailable (cannot open {path})");
        }
        return chip;
    }

    private static async Task ConsumeAsync(GpioInputLine line, Action<GpioEdge> onEdge, CancellationToken ct)
    {
        await foreach (var edge in line.Edges.ReadAllAsync(ct).ConfigureAwait(false))
        {
            onEdge(edge);
        }
    }

    private void OnPushToTalk(GpioEdge edge)
    {
        gate.PushToTalkHeld = edge.Active;
        if (edge.Active)
        {
            conversation.Wake("push-to-talk");
            Amplifier?.Demand();
        }
    }

    private void OnMute(GpioEdge edge)
    {
        if (!edge.Active)
        {
            return;
        }
        gate.Muted = !gate.Muted;
        logger.LogInformation("gpio: microphone {State} by the mute button", gate.Muted ? "muted" : "unmuted");
    }

    private void OnPresence(bool present, CancellationToken ct)
    {
        if (!present || _greeter is null || !_greeter.TryGreet(conversation.State))
        {
            return;
        }
        conversation.Wake("presence");
        // The configuration already holds the provisioned greeting under any admin API change (ProvisionedPersona);
        // the stick's value alone is for a host without a configuration store.
        var greeting = config is { } store ? store.Current.Persona.Greeting : settings.Greeting;
        if (string.IsNullOrWhiteSpace(greeting))
        {
            return;
        }
        Amplifier?.Demand();
        _ = GreetAsync(greeting, ct);
    }

    private async Task GreetAsync(string greeting, CancellationToken ct)
    {
        try
        {
            await speech.SayAsync(greeting, ct).ConfigureAwait(false);
            logger.LogInformation("gpio: visitor detected, greeted");
        }
        catch (Exception e) when (e is InvalidOperationException or OperationCanceledException)
        {
            logger.LogInformation("gpio: visitor detected, not greeted: {Reason}", e.Message);
        }
    }

    private async Task RunAmplifierAsync(AmplifierSwitch amplifier, CancellationToken ct)
    {
        using var subscription = conversation.Events.Subscribe(64);
        using var timer = new PeriodicTimer(PollInterval, _clock);
        while (await timer.WaitForNextTickAsync(ct).ConfigureAwait(false))
        {
            var replyComing = false;
            while (subscription.Reader.TryRead(out var e))
            {
                replyComing |= e is StateChanged { To: ConversationState.Thinking or ConversationState.Speaking };
            }
            if (replyComing)
            {
                amplifier.Demand();
            }
            amplifier.Poll(speaker.IsPlaying || conversation.State is ConversationState.Thinking or ConversationState.Speaking);
        }
    }
}
