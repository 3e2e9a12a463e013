using Appliance.Core.Speech;

namespace Appliance.TestSupport.Fakes;

/// <summary>
/// Returns scripted transcripts in order, one per utterance (empty once the script is used up).
/// <see cref="Gate"/>, when set, holds recognition until the test completes it (a slow ASR).
/// </summary>
public sealed class FakeRecognizer(params string[] transcripts) : ISpeechRecognizer
{
    private readonly Queue<string> _transcripts = new(transcripts);

    public string Name => "fake asr";

    public IReadOnlyList<string> Languages => ["en", "zh"];

    public TaskCompletionSource? Gate { get; set; }

    public List<int> UtteranceLengths { get; } = [];

    public async Task<RecognitionResult> RecognizeAsync(ReadOnlyMemory<float> samples, CancellationToken cancellationToken = default)
    {
        lock (UtteranceLengths)
        {
            UtteranceLengths.Add(samples.Length);
        }
        if (Gate is { } gate)
        {
            await gate.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        lock (_transcripts)
        {
            return new RecognitionResult(_transcripts.TryDequeue(out var text) ? text : "");
        }
    }

    public void Dispose()
    {
    }
}
