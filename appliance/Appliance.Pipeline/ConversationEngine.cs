using Appliance.Core.Audio;
using Appliance.Core.Speech;
using Appliance.Core.Timing;
using Appliance.Pipeline.Asr;
using Appliance.Pipeline.Events;
using Appliance.Pipeline.Tracing;

namespace Appliance.Pipeline;

/// <summary>
/// The turn state machine: idle → listening → thinking → speaking → listening. One loop reads the
/// microphone (after echo cancellation), feeds wake word and VAD, and reacts at once: the end of an
/// utterance starts a turn (running concurrently, so the loop keeps listening), and voice onset while
/// the avatar speaks is a barge-in that cancels the turn's LLM, TTS and playback synchronously in the
/// loop, before the next audio block is read. With a streaming recogniser the utterance is decoded while
/// it is spoken (<see cref="StreamingRecognition"/>): the loop only queues audio to a decode worker, and
/// the turn starts with the text almost ready. Live, replay and tests run exactly this code.
/// </summary>
public sealed class ConversationEngine(PipelineComponents components, PipelineOptions options, IPipelineEventSink events, TimeProvider clock)
{
    private readonly TurnRunner _runner = new(components, options, events, clock);
    private readonly Lock _gate = new();
    private readonly List<VadEvent> _vadEvents = [];
    private readonly List<WakeWordDetection> _detections = [];
    private ConversationState _state = ConversationState.Idle;
    private Turn? _current;
    private Task _currentTask = Task.CompletedTask;
    private int _nextTurnId;
    private long _lastActivity;
    private long? _speechStart;
    private bool _ignoreSegment;
    private string _language = (options.Profile?.Invoke().Persona ?? components.Dialog.Persona).Language;
    private AudioFrame? _lastFrame;

    // Null: the recogniser cannot stream (or streaming is off), so turns decode the whole segment.
    private readonly StreamingRecognition? _asr = options.StreamingAsr && components.Recognizer is IStreamingSpeechRecognizer streaming
        ? new StreamingRecognition(streaming, options, events, clock, components.Vad.SampleRate)
        : null;

    public ConversationState State
    {
        get
        {
            lock (_gate)
            {
                return _state;
            }
        }
    }

    /// <summary>Runs until the capture ends (then finishes the turn in flight) or <paramref name="ct"/> fires.</summary>
    public async Task RunAsync(IAudioCapture capture, CancellationToken ct)
    {
        _lastActivity = clock.GetTimestamp();
        _asr?.Start();
        try
        {
            await foreach (var frame in capture.ReadAsync(ct).ConfigureAwait(false))
            {
                _lastFrame = frame;
                var mono = frame.Channels == 1 ? frame.Samples : Downmix(frame);
                CheckIdle();
                if (components.WakeWord is { } wake)
                {
                    _detections.Clear();
                    wake.Accept(mono, _detections);
                    foreach (var d in _detections)
                    {
                        OnWake(d.Keyword);
                    }
                }
                _asr?.Append(mono);
                _vadEvents.Clear();
                components.Vad.Accept(mono, _vadEvents);
                Handle(_vadEvents);
            }
            _vadEvents.Clear();
            components.Vad.Flush(_vadEvents);
            Handle(_vadEvents);
            await _currentTask.ConfigureAwait(false);
        }
        finally
        {
            Cancel("shutdown");
            if (_asr is not null)
            {
                await _asr.StopAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>A presence sensor saw someone (or the admin API woke the kiosk).</summary>
    public void NotifyPresence() => OnWake("presence");

    private void OnWake(string keyword)
    {
        events.Publish(new Wakeup(clock.GetTimestamp(), CurrentId, keyword));
        _lastActivity = clock.GetTimestamp();
        lock (_gate)
        {
            if (_state == ConversationState.Idle)
            {
                SetState(ConversationState.Listening, keyword);
            }
        }
    }

    private void Handle(List<VadEvent> vadEvents)
    {
        foreach (var e in vadEvents)
        {
            switch (e)
            {
                case SpeechStarted started:
                    OnSpeechStarted(started);
                    break;
                case SpeechSegment segment:
                    OnSegment(segment);
                    break;
            }
        }
    }

    private void OnSpeechStarted(SpeechStarted started)
    {
        var onset = TimeOf(started.SampleIndex);
        _lastActivity = clock.GetTimestamp();
        events.Publish(new UserSpeechStarted(clock.GetTimestamp(), CurrentId, started.SampleIndex));
        lock (_gate)
        {
            _speechStart = onset;
            _ignoreSegment = false;
            switch (_state)
            {
                case ConversationState.Idle when options.EffectiveWake == WakeMode.Speech:
                    SetState(ConversationState.Listening, "speech");
                    break;
                case ConversationState.Idle:
                    _ignoreSegment = true; // asleep: only the wake word counts
                    break;
                case ConversationState.Speaking when _current is { Finished: false } turn:
                    if (BargeInAllowed(turn))
                    {
                        BargeInLocked(turn);
                    }
                    else
                    {
                        _ignoreSegment = true; // most likely our own voice through the echo path
                    }
                    break;
            }
            if (_ignoreSegment)
            {
                _asr?.Discard("speech ignored");
            }
            else
            {
                _asr?.Begin(started.SampleIndex);
            }
        }
    }

    private bool BargeInAllowed(Turn turn) => options.BargeIn switch
    {
        BargeInMode.On => true,
        BargeInMode.AfterFirstSentence => turn.FirstSentenceEndFrame is { } end && components.Playback.Position.FramesPlayed >= end,
        _ => false,
    };

    private void BargeInLocked(Turn turn)
    {
        turn.Cancellation.Cancel();
        var stop = components.Playback.Flush();
        turn.StopFrame = stop;
        turn.Trace.Mark(TraceStage.Cancelled);
        events.Publish(new BargeIn(clock.GetTimestamp(), turn.Id, stop));
        options.Log?.Invoke($"turn {turn.Id}: barge-in, playback stopped at frame {stop}");
        SetState(ConversationState.Listening, "barge-in");
    }

    private void OnSegment(SpeechSegment segment)
    {
        Turn turn;
        StreamedUtterance? streamed;
        lock (_gate)
        {
            if (_ignoreSegment || _state == ConversationState.Idle)
            {
                _asr?.Ignore(segment);
                _ignoreSegment = false;
                _speechStart = null;
                return;
            }
            if (_current is { Finished: false } previous && !previous.Cancellation.IsCancellationRequested)
            {
                // A new utterance supersedes a turn still thinking (or speaking without barge-in rights).
                previous.Cancellation.Cancel();
                previous.StopFrame ??= previous.Speaking ? components.Playback.Flush() : 0;
            }
            var trace = new TurnTrace(clock);
            trace.Mark(TraceStage.SpeechStart, _speechStart ?? TimeOf(segment.StartSample));
            trace.Mark(TraceStage.SpeechEnd, TimeOf(segment.EndSample));
            trace.Mark(TraceStage.EndpointDetected);
            _speechStart = null;
            streamed = _asr?.Close(segment);
            turn = new Turn(++_nextTurnId, trace) { Language = _language };
            _current = turn;
            SetState(ConversationState.Thinking, "end of speech");
        }
        var previousTask = _currentTask;
        _currentTask = Task.Run(() => RunTurnAsync(turn, segment.Samples, streamed, previousTask));
    }

    private async Task RunTurnAsync(Turn turn, float[] samples, StreamedUtterance? streamed, Task previous)
    {
        // The superseded turn must have released the speaker before this one queues audio.
        await previous.ConfigureAwait(false);
        Func<CancellationToken, Task<RecognitionResult>> recognize = streamed is null
            ? ct => components.Recognizer.RecognizeAsync(samples, ct)
            : ct => streamed.RecognizeAsync(components.Recognizer, samples, ct);
        var summary = await _runner.RunAsync(turn, recognize, _language, () => OnSpeaking(turn)).ConfigureAwait(false);
        if (streamed?.FallbackReason is { } why && !turn.Cancellation.IsCancellationRequested)
        {
            options.Log?.Invoke($"turn {turn.Id}: asr decoded the segment whole ({why})");
        }
        lock (_gate)
        {
            if (summary.Outcome is TurnOutcome.Completed or TurnOutcome.Blocked)
            {
                _language = turn.Language;
            }
            if (_current == turn)
            {
                _lastActivity = clock.GetTimestamp();
                if (_state != ConversationState.Listening)
                {
                    SetState(ConversationState.Listening, summary.Outcome.ToString().ToLowerInvariant());
                }
            }
        }
        turn.Finished = true;
        options.Log?.Invoke(summary.ToLogLine());
        events.Publish(new TurnFinished(clock.GetTimestamp(), turn.Id, summary));
    }

    private void OnSpeaking(Turn turn)
    {
        lock (_gate)
        {
            if (_current == turn && !turn.Cancellation.IsCancellationRequested)
            {
                SetState(ConversationState.Speaking, "first audio");
            }
        }
    }

    private void CheckIdle()
    {
        lock (_gate)
        {
            if (_state == ConversationState.Listening && clock.MsSince(_lastActivity) > options.EffectiveIdleAfter.TotalMilliseconds)
            {
                SetState(ConversationState.Idle, "no speech");
                components.Dialog.History.Clear(); // a new visitor starts a new conversation
                _language = (options.Profile?.Invoke().Persona ?? components.Dialog.Persona).Language; // in the persona's language (a reload may have changed it)
            }
        }
    }

    private void Cancel(string cause)
    {
        lock (_gate)
        {
            if (_current is { Finished: false } turn && !turn.Cancellation.IsCancellationRequested)
            {
                turn.Cancellation.Cancel();
            }
            if (_state != ConversationState.Idle)
            {
                SetState(ConversationState.Idle, cause);
            }
        }
    }

    private void SetState(ConversationState to, string cause)
    {
        var from = _state;
        if (from == to)
        {
            return;
        }
        _state = to;
        events.Publish(new StateChanged(clock.GetTimestamp(), CurrentId, from, to, cause));
    }

    private int CurrentId => _current?.Id ?? 0;

    /// <summary>Monotonic time of a stream sample, from the capture timestamps.</summary>
    private long TimeOf(long sampleIndex)
    {
        if (_lastFrame is not { } frame)
        {
            return clock.GetTimestamp();
        }
        return clock.AddSamples(frame.Timestamp, sampleIndex - frame.FirstFrame, frame.SampleRate);
    }

    private static float[] Downmix(AudioFrame frame)
    {
        // The front end delivers the beamformed channel first.
        var mono = new float[frame.Frames];
        for (var i = 0; i < mono.Length; i++)
        {
            mono[i] = frame.Samples[i * frame.Channels];
        }
        return mono;
    }
}
