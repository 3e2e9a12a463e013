using Appliance.Core.Dialog;
using Appliance.Core.Speech;
using Appliance.Dialog;
using Appliance.Dialog.Knowledge;
using Appliance.Dialog.Persona;
using Appliance.Pipeline.Events;
using Appliance.Pipeline.Replay;
using Appliance.Safety;
using Appliance.TestSupport.Fakes;

namespace Appliance.Pipeline.Tests.Support;

/// <summary>
/// The real engine on a virtual clock with fake VAD/ASR/LLM/TTS and the clocked speaker; runs a capture
/// script to its end and keeps every event.
/// </summary>
internal sealed class PipelineHarness
{
    private static readonly SafetyLists Lists = SafetyLists.LoadDefault();
    private static readonly KnowledgeBase Booth = KnowledgeBase.LoadDefault();

    private readonly FakeRecognizer? _whole;
    private readonly FakeStreamingRecognizer? _streaming;

    public PipelineHarness(FakeRecognizer recognizer, IChatModel model, PipelineOptions? options = null)
        : this((ISpeechRecognizer)recognizer, model, options, null)
    {
        _whole = recognizer;
    }

    public PipelineHarness(FakeStreamingRecognizer recognizer, IChatModel model, PipelineOptions? options = null, FakeVad? vad = null)
        : this((ISpeechRecognizer)recognizer, model, options, vad)
    {
        _streaming = recognizer;
    }

    private PipelineHarness(ISpeechRecognizer recognizer, IChatModel model, PipelineOptions? options, FakeVad? vad)
    {
        Vad = vad ?? new FakeVad();
        Model = model;
        Playback = new ClockedPlayback(Clock, Synthesizer.SampleRate);
        Dialog = new DialogManager(PersonaProfile.Default, Booth, model);
        Hub.Published += e =>
        {
            lock (Events)
            {
                Events.Add(e);
            }
        };
        Engine = new ConversationEngine(
            new PipelineComponents(Vad, recognizer, Dialog, new InputGuard(Lists), new ComplianceFilter(Lists), Synthesizer, Playback),
            options ?? new PipelineOptions(), Hub, Clock);
    }

    public ManualTimeProvider Clock { get; } = new();

    public FakeVad Vad { get; }

    public FakeRecognizer Recognizer => _whole ?? throw new InvalidOperationException("this harness runs a streaming recogniser");

    public FakeStreamingRecognizer Streaming => _streaming ?? throw new InvalidOperationException("this harness runs a whole-utterance recogniser");

    public IChatModel Model { get; }

    public FakeSynthesizer Synthesizer { get; } = new();

    public ClockedPlayback Playback { get; }

    public DialogManager Dialog { get; }

    public PipelineEventHub Hub { get; } = new();

    public List<PipelineEvent> Events { get; } = [];

    public ConversationEngine Engine { get; }

    public ScriptedCapture? Capture { get; private set; }

    public List<T> Of<T>()
    {
        lock (Events)
        {
            return Events.OfType<T>().ToList();
        }
    }

    public bool Saw<T>(Func<T, bool>? predicate = null) => Of<T>().Any(e => predicate?.Invoke(e) ?? true);

    public Task RunAsync(params CaptureStep[] script) => RunAsync(CancellationToken.None, script);

    public async Task RunAsync(CancellationToken ct, params CaptureStep[] script)
    {
        Capture = new ScriptedCapture(script, Clock, new ManualPacer(Clock));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        await Engine.RunAsync(Capture, timeout.Token);
    }

    /// <summary>A step that does <paramref name="action"/> once, the moment the script reaches it.</summary>
    public static WaitStep Do(Action action) => new(() =>
    {
        action();
        return true;
    }, TimeSpan.FromSeconds(1), EmitSilence: false);

    public double Ms(long from, long to) => (to - from) * 1000.0 / Clock.TimestampFrequency;

    /// <summary>Waits (frozen clock) until the engine is speaking.</summary>
    public WaitStep UntilSpeaking(int count = 1) =>
        new(() => Of<StateChanged>().Count(s => s.To == ConversationState.Speaking) >= count, TimeSpan.FromSeconds(30), EmitSilence: false);

    /// <summary>Keeps the microphone running (silence) until <paramref name="turns"/> turns have finished.</summary>
    public WaitStep UntilFinished(int turns) =>
        new(() => Of<TurnFinished>().Count >= turns, TimeSpan.FromSeconds(60));

    public static PlayStep Speech(string name, double seconds) => new(name, TestAudio.Tone(TimeSpan.FromSeconds(seconds)));

    public static SilenceStep Quiet(double seconds) => new(TimeSpan.FromSeconds(seconds));
}
