using System.Threading.Channels;
using Appliance.Core.Speech;
using Appliance.Dialog;
using Appliance.Pipeline.Events;
using Appliance.Pipeline.Stages;
using Appliance.Pipeline.Tracing;

namespace Appliance.Pipeline;

/// <summary>
/// Runs one turn: ASR → input guard → dialog → [reply stage → sentences → synthesis stage → audio →
/// playback stage], the three stages running concurrently, joined by bounded channels, all under the
/// turn's cancellation. Returns what happened; never throws except for cancellation of the host.
/// </summary>
public sealed class TurnRunner(PipelineComponents components, PipelineOptions options, IPipelineEventSink events, TimeProvider clock)
{
    /// <summary>A turn on a whole utterance: the recogniser decodes it now.</summary>
    public Task<TurnSummary> RunAsync(Turn turn, float[] utterance, string fallbackLanguage, Action onSpeaking) =>
        RunAsync(turn, ct => components.Recognizer.RecognizeAsync(utterance, ct), fallbackLanguage, onSpeaking);

    /// <summary>A turn whose transcript comes from <paramref name="recognize"/> (e.g. a stream decoded while the visitor spoke).</summary>
    public async Task<TurnSummary> RunAsync(Turn turn, Func<CancellationToken, Task<RecognitionResult>> recognize, string fallbackLanguage, Action onSpeaking)
    {
        var ct = turn.Cancellation.Token;
        // One snapshot per turn: a reload between two reads must not mix two personas or voices.
        var profile = options.Profile?.Invoke() ?? new TurnProfile(components.Dialog.Persona);
        var userText = "";
        var source = "";
        string? reason = null;
        var outcome = TurnOutcome.Completed;
        try
        {
            var recognized = await recognize(ct).ConfigureAwait(false);
            turn.Trace.Mark(TraceStage.AsrFinal);
            userText = recognized.Text.Trim();
            if (userText.Length == 0)
            {
                return Summary(turn, TurnOutcome.Empty, userText, "", null);
            }
            turn.Language = LanguageDetector.Detect(userText, recognized.Language, fallbackLanguage);
            events.Publish(new UserTranscript(clock.GetTimestamp(), turn.Id, userText, turn.Language));

            var verdict = components.InputGuard.Check(userText);
            turn.Trace.Mark(TraceStage.Guarded);
            DialogReply reply;
            var persona = profile.Persona;
            if (!verdict.Allowed)
            {
                reason = verdict.Reason;
                outcome = TurnOutcome.Blocked;
                events.Publish(new InputBlocked(clock.GetTimestamp(), turn.Id, reason ?? "blocked"));
                var line = reason?.StartsWith("too_long", StringComparison.Ordinal) == true ? persona.TooLong : persona.Deflection;
                reply = new DialogReply("guard", Lines(line.For(turn.Language)));
            }
            else
            {
                reply = components.Dialog.Respond(verdict.Text, turn.Language, persona, ct);
            }
            source = reply.Source;
            await SpeakAsync(turn, profile, reply.Pieces, onSpeaking, ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            outcome = TurnOutcome.Interrupted;
            turn.Trace.Mark(TraceStage.Cancelled);
        }
        catch (Exception e)
        {
            outcome = TurnOutcome.Failed;
            reason = $"{e.GetType().Name}: {e.Message}";
            options.Log?.Invoke($"turn {turn.Id} failed: {e}");
        }
        var heard = turn.HeardText();
        if (userText.Length > 0 && outcome is TurnOutcome.Completed or TurnOutcome.Interrupted)
        {
            components.Dialog.Record(userText, heard, outcome == TurnOutcome.Interrupted);
        }
        return Summary(turn, outcome, userText, source, reason);
    }

    private async Task SpeakAsync(Turn turn, TurnProfile profile, IAsyncEnumerable<string> pieces, Action onSpeaking, CancellationToken ct)
    {
        using var stages = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var sentences = Channel.CreateBounded<SpokenSentence>(new BoundedChannelOptions(options.SentenceQueue) { SingleReader = true, SingleWriter = true });
        var audio = Channel.CreateBounded<SentenceAudio>(new BoundedChannelOptions(options.AudioQueue) { SingleReader = true, SingleWriter = true });
        var persona = profile.Persona;

        var reply = new ReplyStage(turn, options.Splitter, options.Log);
        var synthesis = new SynthesisStage(turn, components.Compliance, components.Synthesizer, l => persona.BlockedSentence.For(l), events, clock, options.Log, profile.VoiceFor);
        var playback = new PlaybackStage(turn, components.Playback, events, clock, onSpeaking);

        var tasks = new[]
        {
            Stage(() => reply.RunAsync(pieces, sentences.Writer, stages.Token), sentences.Writer, stages),
            Stage(() => synthesis.RunAsync(sentences.Reader, audio.Writer, stages.Token), audio.Writer, stages),
            Stage(() => playback.RunAsync(audio.Reader, stages.Token), null, stages),
        };
        try
        {
            await Task.WhenAll(tasks).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            // Another stage failed and cancelled this one: report the failure, not the cancellation.
            var cause = tasks.Where(t => t.IsFaulted).SelectMany(t => t.Exception!.InnerExceptions).FirstOrDefault(e => e is not OperationCanceledException);
            if (cause is not null)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(cause);
            }
            throw;
        }
    }

    /// <summary>Runs a stage; completes its output channel either way, and a failure stops the other stages.</summary>
    private static async Task Stage<T>(Func<Task> run, ChannelWriter<T>? output, CancellationTokenSource stages)
    {
        try
        {
            await Task.Run(run).ConfigureAwait(false);
            output?.TryComplete();
        }
        catch (Exception e)
        {
            output?.TryComplete(e);
            await stages.CancelAsync().ConfigureAwait(false);
            throw;
        }
    }

    private static Task Stage(Func<Task> run, ChannelWriter<SentenceAudio>? output, CancellationTokenSource stages) =>
        Stage<SentenceAudio>(run, output, stages);

    private static async IAsyncEnumerable<string> Lines(string text)
    {
        yield return text;
        await Task.CompletedTask;
    }

    private static TurnSummary Summary(Turn turn, TurnOutcome outcome, string user, string source, string? reason) =>
        new(turn.Id, outcome, user, turn.Language, source, turn.HeardText(), reason, turn.Trace.RelativeMs());
}
