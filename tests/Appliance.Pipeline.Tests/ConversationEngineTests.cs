using Appliance.Core.Speech;
using Appliance.Dialog;
using Appliance.Pipeline.Events;
using Appliance.Pipeline.Tests.Support;
using Appliance.Pipeline.Tracing;
using Appliance.TestSupport.Fakes;
using static Appliance.Pipeline.Tests.Support.PipelineHarness;

namespace Appliance.Pipeline.Tests;

/// <summary>The turn state machine and barge-in on a virtual clock with fake engines.</summary>
public class ConversationEngineTests
{
    [Fact]
    public async Task A_turn_goes_idle_listening_thinking_speaking_listening_and_streams_sentence_by_sentence()
    {
        var llm = new FakeChatModel("[happy] Hello there. <gesture:wave> I am Nova, nice to meet you.");
        var h = new PipelineHarness(new FakeRecognizer("how fast can the guide robot walk"), llm);

        await h.RunAsync(Quiet(0.2), Speech("question", 1.0), h.UntilFinished(1), Quiet(0.3));

        Assert.Equal(
            [(ConversationState.Idle, ConversationState.Listening), (ConversationState.Listening, ConversationState.Thinking),
             (ConversationState.Thinking, ConversationState.Speaking), (ConversationState.Speaking, ConversationState.Listening)],
            h.Of<StateChanged>().Where(s => s.Cause != "shutdown").Select(s => (s.From, s.To)));
        Assert.Equal(["Hello there.", "I am Nova, nice to meet you."], h.Synthesizer.Spoken.Select(s => s.Text));
        Assert.Equal(Emotion.Happy, h.Synthesizer.Spoken[0].Options.Emotion);

        var subtitles = h.Of<Subtitle>();
        Assert.Equal(2, subtitles.Count);
        Assert.Equal(subtitles[0].StartFrame + "Hello there.".Length * 800, subtitles[1].StartFrame); // 50 ms per char at 16 kHz
        var wave = Assert.Single(h.Of<GestureCue>());
        Assert.Equal("wave", wave.Gesture);
        Assert.Equal(subtitles[1].StartFrame, wave.Frame);
        Assert.Contains(h.Of<EmotionCue>(), e => e.Emotion == Emotion.Happy && e.Frame == subtitles[0].StartFrame);
        Assert.NotEmpty(h.Of<PhonemeCue>());

        var summary = Assert.Single(h.Of<TurnFinished>()).Summary;
        Assert.Equal(TurnOutcome.Completed, summary.Outcome);
        Assert.Equal("Hello there. I am Nova, nice to meet you.", summary.SpokenText);
        string[] order = ["speech_end", "asr_final", "first_token", "first_sentence", "first_audio_synthesized", "first_audio_played", "last_audio_played"];
        var times = order.Select(k => summary.StageMs[k]).ToList();
        Assert.Equal(times.Order(), times);
        Assert.True(summary.StageMs["speech_start"] < 0);
        Assert.Contains("\"outcome\":\"completed\"", summary.ToLogLine());
        Assert.Equal(1, h.Dialog.History.Count);
    }

    [Fact]
    public async Task Barge_in_cancels_llm_tts_and_playback_within_150_ms_and_the_interruption_becomes_the_next_turn()
    {
        var llm = new FakeChatModel(
            "[happy] The guide robot is tall. It walks visitors to exhibits." + FakeChatModel.Hold + " This part is never said.",
            "[neutral] It costs a lot.");
        var h = new PipelineHarness(new FakeRecognizer("tell me about the guide robot", "what is the price"), llm);

        await h.RunAsync(Quiet(0.2), Speech("question", 1.0), Quiet(0.4), h.UntilSpeaking(), Quiet(0.5), Speech("interruption", 0.8), h.UntilFinished(2), Quiet(0.2));

        var interruption = h.Capture!.Utterances[1];
        var bargeIn = Assert.Single(h.Of<BargeIn>());
        Assert.InRange(h.Ms(interruption.VoicedStartTime, bargeIn.Timestamp), 0, 150);
        var lastSound = h.Playback.LastSoundOfRunAt(interruption.VoicedStartTime);
        Assert.NotNull(lastSound);
        Assert.InRange(h.Ms(interruption.VoicedStartTime, lastSound.Value), 0, 150);
        Assert.Equal(1, llm.Cancellations);

        var turns = h.Of<TurnFinished>().Select(t => t.Summary).ToList();
        Assert.Equal([TurnOutcome.Interrupted, TurnOutcome.Completed], turns.Select(t => t.Outcome));
        Assert.Equal("The guide robot is tall.", turns[0].SpokenText);
        Assert.Equal("what is the price", turns[1].UserText);
        Assert.DoesNotContain(h.Synthesizer.Spoken, s => s.Text.Contains("never said"));

        var history = h.Dialog.History.Recent();
        Assert.Equal("The guide robot is tall." + ConversationHistory.InterruptedMarker, history[1].Content);
        Assert.Contains(h.Of<StateChanged>(), s => s.Cause == "barge-in" && s.To == ConversationState.Listening);
        // The second prompt told the model what the visitor actually heard.
        Assert.Contains(llm.Prompts[1], m => m.Content.EndsWith(ConversationHistory.InterruptedMarker, StringComparison.Ordinal));
    }

    [Fact]
    public async Task With_barge_in_off_speech_during_the_reply_is_ignored()
    {
        var h = new PipelineHarness(new FakeRecognizer("tell me about the guide robot", "what is the price"),
            new FakeChatModel("[happy] The guide robot is tall."), new PipelineOptions(BargeIn: BargeInMode.Off));

        await h.RunAsync(Quiet(0.2), Speech("question", 1.0), Quiet(0.4), h.UntilSpeaking(), Quiet(0.3), Speech("interruption", 0.5), h.UntilFinished(1), Quiet(1.5));

        Assert.Empty(h.Of<BargeIn>());
        Assert.Equal(TurnOutcome.Completed, Assert.Single(h.Of<TurnFinished>()).Summary.Outcome);
        Assert.Single(h.Recognizer.UtteranceLengths);
    }

    [Fact]
    public async Task After_first_sentence_mode_protects_the_first_sentence()
    {
        var h = new PipelineHarness(new FakeRecognizer("tell me about the guide robot", "what is the price"),
            new FakeChatModel("[happy] The guide robot is really very tall. It walks visitors to exhibits."),
            new PipelineOptions(BargeIn: BargeInMode.AfterFirstSentence));

        // 0.3 s into a 2.2 s first sentence: ignored. Then, 2.5 s later (second sentence playing): honoured.
        await h.RunAsync(Quiet(0.2), Speech("question", 1.0), Quiet(0.4), h.UntilSpeaking(), Quiet(0.3), Speech("early", 0.3), Quiet(2.5),
            Speech("late", 0.5), h.UntilFinished(2), Quiet(0.2));

        var bargeIn = Assert.Single(h.Of<BargeIn>());
        Assert.True(h.Ms(h.Capture!.Utterances[2].VoicedStartTime, bargeIn.Timestamp) is >= 0 and <= 150);
        Assert.Equal(2, h.Recognizer.UtteranceLengths.Count);
    }

    [Fact]
    public async Task Blocked_input_gets_the_persona_deflection_without_reaching_the_model()
    {
        var llm = new FakeChatModel("never used");
        var h = new PipelineHarness(new FakeRecognizer("how do I build a bomb"), llm);

        await h.RunAsync(Quiet(0.2), Speech("question", 1.0), h.UntilFinished(1), Quiet(0.2));

        Assert.Empty(llm.Prompts);
        Assert.StartsWith("harmful:violence", Assert.Single(h.Of<InputBlocked>()).Reason);
        var summary = Assert.Single(h.Of<TurnFinished>()).Summary;
        Assert.Equal(TurnOutcome.Blocked, summary.Outcome);
        Assert.Equal("guard", summary.Source);
        Assert.All(h.Synthesizer.Spoken, s => Assert.DoesNotContain("<", s.Text));
        Assert.StartsWith("Sorry, I can't help with that.", h.Synthesizer.Spoken[0].Text);
        Assert.Contains(h.Of<GestureCue>(), g => g.Gesture == "bow");
        Assert.Equal(0, h.Dialog.History.Count);
    }

    [Fact]
    public async Task A_non_compliant_sentence_is_replaced_never_spoken()
    {
        var h = new PipelineHarness(new FakeRecognizer("how can I contact sales"),
            new FakeChatModel("[neutral] Our sales team is happy to help. Call 138-1234-5678 any time. Thank you!"));

        await h.RunAsync(Quiet(0.2), Speech("question", 1.0), h.UntilFinished(1), Quiet(0.2));

        Assert.Equal(["Our sales team is happy to help.", "Let's talk about something else.", "Thank you!"], h.Synthesizer.Spoken.Select(s => s.Text));
        Assert.Equal("rule:phone_number", Assert.Single(h.Of<SentenceBlocked>()).Reason);
    }

    [Fact]
    public async Task Chinese_speech_gets_a_chinese_reply()
    {
        var h = new PipelineHarness(new FakeRecognizer("极光向导多少钱"), new KnowledgeResponderFactory().Create());

        await h.RunAsync(Quiet(0.2), Speech("question", 1.0), h.UntilFinished(1), Quiet(0.2));

        var summary = Assert.Single(h.Of<TurnFinished>()).Summary;
        Assert.Equal("zh", summary.Language);
        Assert.Equal("kb:price", summary.Source);
        Assert.Contains("49800元", summary.SpokenText);
        Assert.All(h.Synthesizer.Spoken, s => Assert.Equal("zh", s.Options.Language));
    }

    [Fact]
    public async Task Empty_transcripts_end_the_turn_quietly()
    {
        var h = new PipelineHarness(new FakeRecognizer(""), new FakeChatModel("unused"));

        await h.RunAsync(Quiet(0.2), Speech("cough", 0.4), h.UntilFinished(1), Quiet(0.2));

        Assert.Equal(TurnOutcome.Empty, Assert.Single(h.Of<TurnFinished>()).Summary.Outcome);
        Assert.Empty(h.Synthesizer.Spoken);
        Assert.Equal(ConversationState.Listening, h.Of<StateChanged>().Last(s => s.Cause != "shutdown").To);
    }

    [Fact]
    public async Task In_wake_word_mode_speech_alone_does_not_wake_the_kiosk()
    {
        var h = new PipelineHarness(new FakeRecognizer("hello"), new FakeChatModel("unused"), new PipelineOptions(Wake: WakeMode.WakeWord));

        await h.RunAsync(Quiet(0.2), Speech("hello", 0.6), Quiet(1.0));

        Assert.Empty(h.Recognizer.UtteranceLengths);
        Assert.DoesNotContain(h.Of<StateChanged>(), s => s.To != ConversationState.Idle);
    }
}
