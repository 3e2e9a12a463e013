using Appliance.Pipeline.Events;
using Appliance.Pipeline.Replay;
using Appliance.Pipeline.Tests.Support;
using Appliance.Pipeline.Tracing;
using Appliance.TestSupport.Fakes;
using static Appliance.Pipeline.Tests.Support.PipelineHarness;

namespace Appliance.Pipeline.Tests;

/// <summary>
/// Decoding while the visitor speaks, on a virtual clock with a streaming recogniser double: which
/// audio reaches the stream, and that every stream is finished or discarded exactly once.
/// </summary>
public class StreamingAsrTests
{
    private const int Rate = 16000;

    [Fact]
    public async Task The_turn_takes_the_text_of_the_stream_decoded_while_the_visitor_spoke()
    {
        var h = new PipelineHarness(new FakeStreamingRecognizer("how fast can the guide robot walk"), new FakeChatModel("[happy] Hello there."));

        await h.RunAsync(Quiet(0.5), Speech("question", 1.0), h.UntilFinished(1), Quiet(0.3));

        var summary = Assert.Single(h.Of<TurnFinished>()).Summary;
        Assert.Equal(TurnOutcome.Completed, summary.Outcome);
        Assert.Equal("how fast can the guide robot walk", summary.UserText);
        Assert.True(summary.StageMs["asr_final"] >= summary.StageMs["endpoint_detected"]);
        var stream = Assert.Single(h.Streaming.Streams);
        Assert.True(stream.Finished);
        Assert.True(stream.Disposed);
        Assert.Empty(h.Streaming.WholeUtterances);

        // Partial hypotheses while listening, tied to the onset they belong to.
        var onset = Assert.Single(h.Of<UserSpeechStarted>());
        var partials = h.Of<UserPartialTranscript>();
        Assert.NotEmpty(partials);
        Assert.All(partials, p => Assert.Equal(onset.SampleIndex, p.SpeechStartSample));
        Assert.Equal(partials.Count, partials.Select(p => p.Text).Distinct().Count());
    }

    [Fact]
    public async Task No_audio_is_lost_at_onset_the_stream_holds_the_pre_roll_and_every_sample_after_it()
    {
        var h = new PipelineHarness(new FakeStreamingRecognizer("hello"), new FakeChatModel("Hi."), new PipelineOptions(AsrPreRoll: TimeSpan.FromMilliseconds(300)));

        await h.RunAsync(Quiet(0.5), Speech("question", 1.0), h.UntilFinished(1), Quiet(0.3));

        var accepted = Assert.Single(h.Streaming.Streams).Accepted;
        var recorded = h.Capture!.Recorded();
        var utterance = Assert.Single(h.Capture.Utterances);
        var onset = Assert.Single(h.Of<UserSpeechStarted>()).SampleIndex;
        Assert.Equal(utterance.StartFrame, onset);               // the fake VAD's onset is exact
        var start = onset - 300 * Rate / 1000;
        // Contiguous microphone audio from 300 ms before the onset through the endpoint: nothing dropped, nothing repeated.
        Assert.Equal(recorded.AsSpan((int)start, accepted.Length).ToArray(), accepted);
        Assert.True(start + accepted.Length >= utterance.VoicedEndFrame);
    }

    [Fact]
    public async Task A_false_start_discards_its_stream_and_the_next_utterance_gets_a_fresh_one()
    {
        var h = new PipelineHarness(new FakeStreamingRecognizer("what is the price"), new FakeChatModel("It costs a lot."),
            vad: new FakeVad(minSpeechMs: 200));

        await h.RunAsync(Quiet(0.5), Speech("cough", 0.1), Quiet(0.6), Speech("question", 1.0), h.UntilFinished(1), Quiet(0.3));

        Assert.Equal(2, h.Of<UserSpeechStarted>().Count);
        var streams = h.Streaming.Streams;
        Assert.Equal(2, streams.Count);
        Assert.True(streams[0].Disposed);
        Assert.False(streams[0].Finished);
        Assert.True(streams[1].Finished);
        Assert.Equal("what is the price", Assert.Single(h.Of<TurnFinished>()).Summary.UserText);
        Assert.Empty(h.Streaming.WholeUtterances);
    }

    [Fact]
    public async Task Barge_in_streams_the_interruption_and_the_interrupted_turn_keeps_its_own_text()
    {
        var llm = new FakeChatModel("[happy] The guide robot is tall. It walks visitors to exhibits." + FakeChatModel.Hold, "[neutral] It costs a lot.");
        var h = new PipelineHarness(new FakeStreamingRecognizer("tell me about the guide robot", "what is the price"), llm);

        await h.RunAsync(Quiet(0.2), Speech("question", 1.0), Quiet(0.4), h.UntilSpeaking(), Quiet(0.5), Speech("interruption", 0.8), h.UntilFinished(2), Quiet(0.2));

        Assert.Single(h.Of<BargeIn>());
        var turns = h.Of<TurnFinished>().Select(t => t.Summary).ToList();
        Assert.Equal([TurnOutcome.Interrupted, TurnOutcome.Completed], turns.Select(t => t.Outcome));
        Assert.Equal(["tell me about the guide robot", "what is the price"], turns.Select(t => t.UserText));
        Assert.All(h.Streaming.Streams, s => Assert.True(s.Finished && s.Disposed));
        Assert.Equal(2, h.Streaming.Streams.Count);
    }

    [Fact]
    public async Task With_barge_in_off_our_own_voice_is_never_decoded()
    {
        var h = new PipelineHarness(new FakeStreamingRecognizer("tell me about the guide robot", "what is the price"),
            new FakeChatModel("[happy] The guide robot is tall."), new PipelineOptions(BargeIn: BargeInMode.Off));

        await h.RunAsync(Quiet(0.2), Speech("question", 1.0), Quiet(0.4), h.UntilSpeaking(), Quiet(0.3), Speech("echo", 0.5), h.UntilFinished(1), Quiet(1.5));

        Assert.Empty(h.Of<BargeIn>());
        Assert.Single(h.Streaming.Streams);
        Assert.Single(h.Of<TurnFinished>());
    }

    [Fact]
    public async Task Speaking_again_while_the_decoder_lags_discards_the_superseded_stream_and_its_backlog()
    {
        using var decoder = new ManualResetEventSlim(false);
        var recognizer = new FakeStreamingRecognizer("what is the price") { AcceptGate = decoder };
        var h = new PipelineHarness(recognizer, new FakeChatModel("It costs a lot."));

        // The decoder is stuck in the first utterance; the visitor rephrases before it produced anything.
        await h.RunAsync(Quiet(0.3), Speech("first", 1.0), Quiet(0.5), Speech("rephrased", 1.0), Quiet(0.5),
            new WaitStep(() => h.Of<StateChanged>().Count(s => s.To == ConversationState.Thinking) >= 2, TimeSpan.FromSeconds(5)),
            Do(decoder.Set), h.UntilFinished(2), Quiet(0.3));

        var streams = recognizer.Streams;
        Assert.Equal(2, streams.Count);
        Assert.True(streams[0].Disposed);
        Assert.False(streams[0].Finished);                      // discarded, backlog skipped
        Assert.True(streams[1].Finished);
        var turns = h.Of<TurnFinished>().Select(t => t.Summary).ToList();
        Assert.Equal([TurnOutcome.Interrupted, TurnOutcome.Completed], turns.Select(t => t.Outcome));
        Assert.Equal("what is the price", turns[1].UserText);
        Assert.Empty(recognizer.WholeUtterances);
    }

    [Fact]
    public async Task A_decoder_too_far_behind_costs_the_stream_not_the_audio_the_turn_decodes_the_segment_whole()
    {
        using var decoder = new ManualResetEventSlim(false);
        var recognizer = new FakeStreamingRecognizer("what is the price") { AcceptGate = decoder };
        var h = new PipelineHarness(recognizer, new FakeChatModel("It costs a lot."), new PipelineOptions(AsrQueue: 8));

        await h.RunAsync(Quiet(0.3), Speech("question", 1.0), h.UntilFinished(1), Do(decoder.Set), Quiet(0.3));

        var summary = Assert.Single(h.Of<TurnFinished>()).Summary;
        Assert.Equal("what is the price", summary.UserText);
        var whole = Assert.Single(recognizer.WholeUtterances);
        Assert.Equal(Rate, whole);                              // the fake VAD's segment: exactly the 1 s of speech
        Assert.True(Assert.Single(recognizer.Streams).Disposed);
    }

    [Fact]
    public async Task Shutdown_mid_utterance_disposes_the_open_stream()
    {
        using var stop = new CancellationTokenSource();
        var recognizer = new FakeStreamingRecognizer("never finished");
        var h = new PipelineHarness(recognizer, new FakeChatModel("unused"));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => h.RunAsync(stop.Token, Quiet(0.3), Speech("question", 0.6), Do(stop.Cancel), Speech("more", 0.4)));

        var stream = Assert.Single(recognizer.Streams);
        Assert.True(stream.Disposed);
        Assert.False(stream.Finished);
        Assert.Empty(h.Of<TurnFinished>());
        recognizer.CreateStream().Dispose();                    // the recogniser is free again
    }

    [Fact]
    public async Task With_streaming_off_a_streaming_recogniser_decodes_the_whole_segment_after_the_endpoint()
    {
        var recognizer = new FakeStreamingRecognizer("hello");
        var h = new PipelineHarness(recognizer, new FakeChatModel("Hi."), new PipelineOptions(StreamingAsr: false));

        await h.RunAsync(Quiet(0.3), Speech("question", 1.0), h.UntilFinished(1), Quiet(0.3));

        Assert.Empty(recognizer.Streams);
        Assert.Equal(Rate, Assert.Single(recognizer.WholeUtterances));
        Assert.Equal("hello", Assert.Single(h.Of<TurnFinished>()).Summary.UserText);
    }
}
