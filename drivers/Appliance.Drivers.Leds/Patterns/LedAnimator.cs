using Appliance.Drivers.Leds.Strips;

namespace Appliance.Drivers.Leds.Patterns;

/// <summary>
/// Drives a strip from the current scene at a capped frame rate on its own timer. Static scenes
/// (off, listening, speaking at a constant level) are only re-sent when a frame differs, so the SPI
/// bus is idle when nothing changes. Disposing turns the LEDs off.
/// </summary>
public sealed class LedAnimator : IAsyncDisposable
{
    private readonly ILedStrip _strip;
    private readonly LedTheme _theme;
    private readonly TimeProvider _clock;
    private readonly TimeSpan _minFrameInterval;
    private readonly Rgb[] _next;
    private readonly Rgb[] _shown;
    private readonly long _origin;
    private readonly CancellationTokenSource _stop = new();
    private readonly object _gate = new();
    private long _lastFrame = long.MinValue;
    private bool _anyShown;
    private Task? _loop;
    private volatile LedScene _scene = LedScene.Off;

    public LedAnimator(ILedStrip strip, LedTheme theme, int maxFramesPerSecond = 30, TimeProvider? clock = null)
    {
        if (maxFramesPerSecond is < 1 or > 200)
        {
            throw new ArgumentOutOfRangeException(nameof(maxFramesPerSecond), "LED frame rate must be 1..200 per second");
        }
        _strip = strip;
        _theme = theme;
        _clock = clock ?? TimeProvider.System;
        _minFrameInterval = TimeSpan.FromSeconds(1.0 / maxFramesPerSecond);
        _next = new Rgb[strip.Count];
        _shown = new Rgb[strip.Count];
        _origin = _clock.GetTimestamp();
    }

    /// <summary>Frames actually sent to the strip.</summary>
    public long FramesSent { get; private set; }

    public LedScene Scene
    {
        get => _scene;
        set => _scene = value;
    }

    /// <summary>Starts the timer loop (the service calls this; tests may call <see cref="Tick"/> directly).</summary>
    public void Start()
    {
        _loop ??= Task.Run(async () =>
        {
            using var timer = new PeriodicTimer(_minFrameInterval, _clock);
            try
            {
                while (await timer.WaitForNextTickAsync(_stop.Token))
                {
                    Tick();
                }
            }
            catch (OperationCanceledException)
            {
            }
        });
    }

    /// <summary>
    /// Renders and sends one frame if at least one frame interval has passed since the last and the
    /// frame differs from what the strip shows. Returns whether a frame was sent.
    /// </summary>
    public bool Tick()
    {
        lock (_gate)
        {
            var now = _clock.GetTimestamp();
            if (_lastFrame != long.MinValue && _clock.GetElapsedTime(_lastFrame, now) < _minFrameInterval)
            {
                return false;
            }
            LedPatterns.Render(_scene, _clock.GetElapsedTime(_origin, now), _theme, _next);
            if (_anyShown && _next.AsSpan().SequenceEqual(_shown))
            {
                return false;
            }
            _next.CopyTo(_shown, 0);
            _next.CopyTo(_strip.Pixels);
            _strip.Show();
            _anyShown = true;
            _lastFrame = now;
            FramesSent++;
            return true;
        }
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        if (_loop is not null)
        {
            await _loop;
        }
        lock (_gate)
        {
            _strip.Pixels.Clear();
            _strip.Show();
        }
        _stop.Dispose();
    }
}
