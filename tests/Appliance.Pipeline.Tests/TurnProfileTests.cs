using Appliance.Dialog.Persona;
using Appliance.Pipeline.Events;
using Appliance.Pipeline.Tests.Support;
using Appliance.TestSupport.Fakes;
using static Appliance.Pipeline.Tests.Support.PipelineHarness;

namespace Appliance.Pipeline.Tests;

/// <summary>
/// PipelineOptions.Profile / CurrentWake: what a configuration reload swaps in the running conversation.
/// Each turn reads the profile once when it starts; the wake mode is read on every voice onset.
/// </summary>
public class TurnProfileTests
{
    private static readonly PersonaProfile Quill = PersonaProfile.Default with
    {
        Name = "Quill",
        DontKnow = new("[neutral] Quill has no idea.", "[neutral] 不知道。"),
    };

    [Fact]
    public async Task A_profile_swapped_between_turns_changes_the_next_reply_and_voice_not_the_one_before()
    {
        var profile = new TurnProfile(PersonaProfile.Default);
        var h = new PipelineHarness(new FakeRecognizer("what is the airspeed of a swallow", "what is the airspeed of a swallow"),
            new KnowledgeResponderFactory().Create(), new PipelineOptions(Profile: () => profile));

        await h.RunAsync(Quiet(0.2), Speech("first", 0.8), h.UntilFinished(1),
            Do(() => profile = new TurnProfile(Quill, "en-gb")), Speech("second", 0.8), h.UntilFinished(2), Quiet(0.2));

        var turns = h.Of<TurnFinished>().Select(t => t.Summary).ToList();
        Assert.Equal(2, turns.Count);
        Assert.Contains("info desk", turns[0].SpokenText, StringComparison.Ordinal); // the bundled persona's "I don't know"
        Assert.Equal("Quill has no idea.", turns[1].SpokenText);
        var voices = h.Synthesizer.Spoken.Select(s => (s.Text, s.Options.Voice)).ToList();
        Assert.All(voices.Where(v => !v.Text.StartsWith("Quill", StringComparison.Ordinal)), v => Assert.Null(v.Voice));
        Assert.Equal("en-gb", Assert.Single(voices, v => v.Text.StartsWith("Quill", StringComparison.Ordinal)).Voice);
    }

    [Fact]
    public async Task The_voice_applies_to_sentences_in_the_personas_language_only()
    {
        var profile = new TurnProfile(PersonaProfile.Default, "en-gb");

        Assert.Equal("en-gb", profile.VoiceFor("en"));
        Assert.Equal("en-gb", profile.VoiceFor("en-US"));
        Assert.Null(profile.VoiceFor("zh"));
        Assert.Null(new TurnProfile(PersonaProfile.Default).VoiceFor("en"));

        // A Chinese turn under an English persona with a configured voice speaks with the engine's Chinese default.
        var h = new PipelineHarness(new FakeRecognizer("你好"), new FakeChatModel("[happy] 你好！"), new PipelineOptions(Profile: () => profile));
        await h.RunAsync(Quiet(0.2), Speech("hello", 0.8), h.UntilFinished(1), Quiet(0.2));
        Assert.All(h.Synthesizer.Spoken, s => Assert.Null(s.Options.Voice));
        Assert.NotEmpty(h.Synthesizer.Spoken);
    }

    [Fact]
    public async Task Switching_to_wake_word_mode_while_running_ignores_speech_from_the_next_onset()
    {
        var mode = WakeMode.Speech;
        var h = new PipelineHarness(new FakeRecognizer("hello", "hello again"), new FakeChatModel("[happy] Hi.", "[happy] Hi again."),
            new PipelineOptions(IdleAfter: TimeSpan.FromSeconds(1), CurrentWake: () => mode));

        await h.RunAsync(Quiet(0.2), Speech("woken by speech", 0.6), h.UntilFinished(1),
            Do(() => mode = WakeMode.WakeWord), Quiet(2.0), Speech("ignored while asleep", 0.6), Quiet(1.0));

        Assert.Single(h.Of<TurnFinished>());
        Assert.Single(h.Recognizer.UtteranceLengths);
        Assert.Equal(ConversationState.Idle, h.Of<StateChanged>().Last(s => s.Cause != "shutdown").To);
    }
}
