using Appliance.Devices.Audio;
using Appliance.Devices.Updates;
using Appliance.Drivers.Leds.Patterns;
using Appliance.Drivers.Leds.Spi;
using Appliance.Drivers.Leds.Strips;
using Appliance.Pipeline.Events;
using Appliance.Service.Runtime;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Appliance.Devices.Leds;

/// <summary>
/// The LED ring in the running service: every frame (capped at <see cref="FramesPerSecond"/>) it picks
/// the scene from the conversation state, the last DOA, the heard playback level, a pipeline fault, mute,
/// provisioning progress and a running test pattern (<see cref="LedSceneSelector"/>), and lets the
/// animator send it when it changed. Stopping the service sends an all-off frame. No ring configured,
/// or its spidev missing: one log line and <see cref="Status"/>, never a failed service.
/// Also the admin API's <see cref="ILedControl"/>: a test pattern drives the ring for its duration,
/// then the state pattern returns.
/// </summary>
public sealed class LedRing(
    DeviceSettings settings,
    SpiOpener openSpi,
    IConversationControl conversation,
    IPipelineStatus pipeline,
    SpeakerMonitor speaker,
    MicrophoneGate gate,
    UpdateMonitor updates,
    ILogger<LedRing> logger,
    TimeProvider? clock = null) : BackgroundService, ILedControl
{
    public const int FramesPerSecond = 30;

    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private readonly Lock _gate = new();
    private LedAnimator? _animator;
    private ISpiDevice? _bus;
    private PipelineSubscription? _events;
    private double? _doa;
    private (string Pattern, long Until)? _test;

    /// <summary>"apa102 × 12 on /dev/spidev0.0", "not configured" or why the ring is unavailable.</summary>
    public string Status { get; private set; } = "starting";

    public IReadOnlyList<string> Patterns => TestPatterns.Names;

    /// <summary>The scene of the last frame (tests, dashboard).</summary>
    public LedScene Scene { get; private set; } = LedScene.Off;

    public Task RunTestPatternAsync(string pattern, int durationMs, CancellationToken cancellationToken)
    {
        if (_animator is null)
        {
            logger.LogWarning("LED test pattern {Pattern} not shown: the LED ring is {Status}", pattern, Status);
            return Task.CompletedTask;
        }
        lock (_gate)
        {
            _test = (pattern, _clock.GetTimestamp() + (long)(durationMs / 1000.0 * _clock.TimestampFrequency));
        }
        logger.LogInformation("LED test pattern {Pattern} for {Duration} ms", pattern, durationMs);
        return Task.CompletedTask;
    }

    /// <summary>Opens the ring before the host reports started, so its status is known from then on.</summary>
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        Open();
        return base.StartAsync(cancellationToken);
    }

    /// <summary>Stops the frame loop, then sends the all-off frame.</summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        try
        {
            await base.StopAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await CloseAsync().ConfigureAwait(false);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_animator is null)
        {
            return;
        }
        try
        {
            using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1.0 / FramesPerSecond), _clock);
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                Frame();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Opens the configured strip; false (logged, in <see cref="Status"/>) when there is none or it cannot be opened.</summary>
    internal bool Open()
    {
        if (settings.Problem is { } problem)
        {
            logger.LogWarning("devices: cannot read {Source} ({Problem}); no LED ring or GPIO lines", settings.Source, problem);
        }
        if (settings.Leds is not { } leds)
        {
            Status = "not configured";
            logger.LogInformation("leds: no LED ring configured ({Source} leds.type)", settings.Source);
            return false;
        }
        var spec = new LedStripSpec(leds.Type, leds.Device, leds.Count,
            leds.Order is { } o && Enum.TryParse<ColorOrder>(o, out var order) ? order : null, leds.Brightness);
        try
        {
            var strip = spec.Open((path, hz) => _bus = openSpi(path, hz));
            var theme = LedTheme.Default with
            {
                ZeroDegreesLed = Math.Clamp(leds.ZeroDegreesLed, 0, leds.Count - 1),
                Clockwise = leds.Clockwise,
                MaxLevel = LedTheme.Default.MaxLevel * spec.ColourScale,
            };
            _animator = new LedAnimator(strip, theme, FramesPerSecond, _clock);
            _events = conversation.Events.Subscribe(256);
            Status = $"{leds.Type} × {leds.Count} on {leds.Device}";
            logger.LogInformation("leds: {Status}", Status);
            return true;
        }
        catch (Exception e) when (e is IOException or ArgumentException or UnauthorizedAccessException or InvalidOperationException)
        {
            _bus?.Dispose();
            _bus = null;
            Status = $"unavailable ({e.Message})";
            logger.LogWarning("leds: LED ring unavailable: {Error}; the service runs without it", e.Message);
            return false;
        }
    }

    /// <summary>Renders one frame from the current inputs (sent only when it changed and the frame cap allows).</summary>
    internal bool Frame()
    {
        var animator = _animator;
        if (animator is null)
        {
            return false;
        }
        while (_events!.Reader.TryRead(out var e))
        {
            if (e is DirectionOfArrival doa)
            {
                _doa = doa.Degrees;
            }
        }
        string? test = null;
        lock (_gate)
        {
            if (_test is { } t && _clock.GetTimestamp() < t.Until)
            {
                test = t.Pattern;
            }
            else
            {
                _test = null;
            }
        }
        var inputs = new LedInputs(conversation.State, _doa, speaker.LevelNow(),
            pipeline.Snapshot().State == PipelineState.Error, gate.Muted, updates.Current, test);
        Scene = LedSceneSelector.Select(inputs);
        animator.Scene = Scene;
        return animator.Tick();
    }

    /// <summary>All LEDs off, bus closed.</summary>
    internal async Task CloseAsync()
    {
        if (_animator is { } animator)
        {
            _animator = null;
            await animator.DisposeAsync().ConfigureAwait(false);
            Status = "off (service stopped)";
        }
        _events?.Dispose();
        _bus?.Dispose();
        _bus = null;
    }
}
