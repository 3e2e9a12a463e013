namespace Appliance.Drivers.Gpio.Lines;

/// <summary>
/// A PIR motion sensor: someone is present from the first active edge until the line has been
/// inactive for <paramref name="holdTime"/> (PIR outputs re-trigger while a visitor moves, so a
/// visitor standing still at the kiosk must not count as gone at once). The avatar wakes and greets
/// on <see cref="PresenceChanged"/>(true).
/// </summary>
public sealed class PresenceSensor(TimeSpan holdTime, TimeProvider? clock = null)
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private long _lastActive = long.MinValue;
    private bool _lineActive;

    public bool IsPresent { get; private set; }

    public event Action<bool>? PresenceChanged;

    /// <summary>Feeds a line edge.</summary>
    public void OnEdge(GpioEdge edge)
    {
        _lineActive = edge.Active;
        _lastActive = _clock.GetTimestamp();
        if (edge.Active && !IsPresent)
        {
            IsPresent = true;
            PresenceChanged?.Invoke(true);
        }
    }

    /// <summary>Called periodically; ends presence once the hold time has passed with the line inactive.</summary>
    public void Poll()
    {
        if (IsPresent && !_lineActive && _clock.GetElapsedTime(_lastActive) >= holdTime)
        {
            IsPresent = false;
            PresenceChanged?.Invoke(false);
        }
    }

    /// <summary>Consumes a line's edges until cancelled, polling for the hold time in between.</summary>
    public async Task RunAsync(GpioInputLine line, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            using var slice = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            slice.CancelAfter(TimeSpan.FromMilliseconds(250));
            try
            {
                if (await line.Edges.WaitToReadAsync(slice.Token))
                {
                    while (line.Edges.TryRead(out var edge))
                    {
                        OnEdge(edge);
                    }
                }
                else
                {
                    return;
                }
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
            }
            Poll();
        }
    }
}
