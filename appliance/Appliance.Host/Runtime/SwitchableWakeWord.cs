using Appliance.Core.Speech;

namespace Appliance.Host.Runtime;

/// <summary>
/// The wake-word detector slot of the running conversation: empty until dialog.wakeWordRequired asks
/// for openWakeWord, replaced when dialog.wakeWord names another keyword, and fed only while the mode is
/// on, so a reload switches detection on or off (or to another keyword) from the next audio block without
/// rebuilding the conversation. A replaced detector is disposed on the audio loop's thread at its next
/// block, never while that thread may still be inside it.
/// </summary>
internal sealed class SwitchableWakeWord(Func<bool> enabled) : IWakeWordDetector
{
    private readonly System.Collections.Concurrent.ConcurrentQueue<IWakeWordDetector> _retired = new();
    private IWakeWordDetector? _detector;
    private bool _fed;
    private int _switched;

    public bool Loaded => Volatile.Read(ref _detector) is not null;

    public IReadOnlyList<string> Keywords => Volatile.Read(ref _detector)?.Keywords ?? [];

    /// <summary>Installs a loaded detector, replacing (and later disposing) the current one.</summary>
    public void Install(IWakeWordDetector detector)
    {
        if (Interlocked.Exchange(ref _detector, detector) is { } previous)
        {
            _retired.Enqueue(previous);
        }
        Volatile.Write(ref _switched, 1);
    }

    public void Accept(ReadOnlySpan<float> samples, ICollection<WakeWordDetection> detections)
    {
        while (_retired.TryDequeue(out var old))
        {
            old.Dispose();
        }
        if (Volatile.Read(ref _detector) is not { } detector || !enabled())
        {
            _fed = false;
            return;
        }
        if (!_fed || Interlocked.Exchange(ref _switched, 0) == 1)
        {
            detector.Reset(); // stale audio from before it was switched on (or from the previous keyword) must not complete a phrase
            _fed = true;
        }
        detector.Accept(samples, detections);
    }

    public void Reset() => Volatile.Read(ref _detector)?.Reset();

    public void Dispose()
    {
        Volatile.Read(ref _detector)?.Dispose();
        while (_retired.TryDequeue(out var old))
        {
            old.Dispose();
        }
    }
}
