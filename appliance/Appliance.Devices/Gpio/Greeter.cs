using Appliance.Pipeline;

namespace Appliance.Devices.Gpio;

/// <summary>
/// When the presence sensor may greet: only a kiosk nobody is talking to (idle), and not again within
/// the hold-off (a PIR re-triggers while people walk past; a visitor must not be greeted every minute).
/// </summary>
public sealed class Greeter(TimeSpan holdoff, TimeProvider? clock = null)
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private long? _last;

    public int Greetings { get; private set; }

    /// <summary>Decides for one arrival; a true answer starts the hold-off.</summary>
    public bool TryGreet(ConversationState state)
    {
        if (state != ConversationState.Idle)
        {
            return false;
        }
        var now = _clock.GetTimestamp();
        if (_last is { } last && _clock.GetElapsedTime(last, now) < holdoff)
        {
            return false;
        }
        _last = now;
        Greetings++;
        return true;
    }
}
