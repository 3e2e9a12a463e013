using Appliance.Core.Dialog;
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

    public PipelineHarness(FakeRecognizer recognizer, IChatModel model, PipelineOptions? options = null)
    {
        Recognizer = recognizer;
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

    public FakeVad Vad { get; } = new();

    public FakeRecognizer Recognizer { get; }

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

    public async Task RunAsync(params CaptureStep[] script)
    {
        Capture = new ScriptedCapture(script, Clock, new ManualPacer(Clock));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await Engine.RunAsync(Capture, timeout.Token);
    }

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
