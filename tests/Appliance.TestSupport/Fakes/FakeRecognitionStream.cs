using Appliance.Core.Speech;

namespace Appliance.TestSupport.Fakes;

/// <summary>One utterance of <see cref="FakeStreamingRecognizer"/>: keeps every sample it accepted.</summary>
public sealed class FakeRecognitionStream(FakeStreamingRecognizer owner) : IRecognitionStream
{
    private readonly List<float> _accepted = [];

    public bool Finished { get; private set; }

    public bool Disposed { get; private set; }

    public bool Closed => Finished || Disposed;

    public RecognitionResult? Result { get; private set; }

    public float[] Accepted
    {
        get
        {
            lock (_accepted)
            {
                return [.. _accepted];
            }
        }
    }

    public string Partial => Finished ? Result!.Text : $"partial {Accepted.Length}";

    public void Accept(ReadOnlySpan<float> samples)
    {
        if (Closed)
        {
            throw new InvalidOperationException("accept after finish/dispose");
        }
        owner.AcceptGate?.Wait();
        lock (_accepted)
        {
            _accepted.AddRange(samples);
        }
    }

    public RecognitionResult Finish()
    {
        if (Disposed)
        {
            throw new ObjectDisposedException(nameof(FakeRecognitionStream));
        }
        Result ??= new RecognitionResult(owner.Next());
        Finished = true;
        return Result;
    }

    public void Dispose() => Disposed = true;
}
