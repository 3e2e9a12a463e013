using Appliance.Core.Speech;

namespace Appliance.TestSupport.Fakes;

/// <summary>
/// A deterministic energy VAD: a 10 ms window louder than <paramref name="threshold"/> (RMS) is speech;
/// onset is reported with the first loud window, the segment after <paramref name="hangoverMs"/> of quiet.
/// Test audio is tones and silence, so the onset sample is exact. Speech shorter than
/// <paramref name="minSpeechMs"/> is a false start: its onset was reported, but no segment follows.
/// </summary>
public sealed class FakeVad(float threshold = 0.05f, int hangoverMs = 300, int sampleRate = 16000, int minSpeechMs = 0) : IVoiceActivityDetector
{
    private readonly int _window = sampleRate / 100;
    private readonly List<float> _pending = [];
    private readonly List<float> _segment = [];
    private long _position;
    private long _start = -1;
    private long _lastVoiced = -1;

    public int SampleRate => sampleRate;

    public void Accept(ReadOnlySpan<float> samples, ICollection<VadEvent> events)
    {
        _pending.AddRange(samples.ToArray());
        while (_pending.Count >= _window)
        {
            var window = _pending.GetRange(0, _window).ToArray();
            _pending.RemoveRange(0, _window);
            var rms = Math.Sqrt(window.Sum(s => (double)s * s) / window.Length);
            var voiced = rms > threshold;
            if (voiced)
            {
                if (_start < 0)
                {
                    _start = _position;
                    _segment.Clear();
                    events.Add(new SpeechStarted(_position));
                }
                _lastVoiced = _position + _window;
            }
            if (_start >= 0)
            {
                _segment.AddRange(window);
                if (!voiced && _position + _window - _lastVoiced >= hangoverMs * sampleRate / 1000)
                {
                    Close(events);
                }
            }
            _position += _window;
        }
    }

    public void Flush(ICollection<VadEvent> events)
    {
        if (_start >= 0)
        {
            Close(events);
        }
    }

    private void Close(ICollection<VadEvent> events)
    {
        var length = (int)(_lastVoiced - _start);
        if (length < (long)minSpeechMs * sampleRate / 1000)
        {
            _start = -1;
            _segment.Clear();
            return;
        }
        events.Add(new SpeechSegment(_start, _lastVoiced, _segment.Take(length).ToArray()));
        _start = -1;
        _segment.Clear();
    }

    public void Reset()
    {
        _pending.Clear();
        _segment.Clear();
        _position = 0;
        _start = -1;
    }

    public void Dispose()
    {
    }
}
