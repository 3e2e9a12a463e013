using Appliance.Core.Speech;

namespace Appliance.Host.Runtime;

/// <summary>
/// The wake-word detector slot of the running conversation: empty until dialog.wakeWordRequired asks
/// for openWakeWord (loaded once, then kept), and fed only while the mode is on, so a reload switches
/// detection on or off from the next audio block without rebuilding the conversation.
/// </summary>
internal sealed class SwitchableWakeWord(Func<bool> enabled) : IWakeWordDetector
{
    private IWakeWordDetector? _detector;
    private bool _fed;

    public bool Loaded => Volatile.Read(ref _detector) is not null;

    public IReadOnlyList<string> Keywords => Volatile.Read(ref _detector)?.Keywords ?? [];

    /// <summary>Installs the loaded detector (once); a second one is disposed.</summary>
    public void Install(IWakeWordDetector detector)
    {
        if (Interlocked.CompareExchange(ref _detector, detector, null) is not null)
        {
            detector.Dispose();
        }
    }

    public void Accept(ReadOnlySpan<float> samples, ICollection<WakeWordDetection> detections)
    {
        if (Volatile.Read(ref _detector) is not { } detector || !enabled())
        {
            _fed = false;
            return;
        }
        if (!_fed)
        {
            detector.Reset(); // stale audio from before it was switched off must not complete a phrase
            _fed = true;
        }
        detector.Accept(samples, detections);
    }

    public void Reset() => Volatile.Read(ref _detector)?.Reset();

    public void Dispose() => Volatile.Read(ref _detector)?.Dispose();
}
