using Appliance.Core.Speech;
using Appliance.Pipeline.Tracing;

namespace Appliance.Pipeline.Events;

/// <summary>
/// Something the avatar, LEDs or admin API may react to. <see cref="Timestamp"/> is the monotonic
/// clock (TimeProvider.GetTimestamp) when the event was raised; <see cref="Turn"/> is the turn it
/// belongs to (0 outside a turn). Events about audio carry a playback frame position instead of a
/// time, because the avatar clocks itself on IAudioPlayback.Position: "do this when frame N plays".
/// </summary>
public abstract record PipelineEvent(long Timestamp, int Turn);

/// <summary>The conversation state changed (drives LEDs and the avatar's idle/listen/think poses).</summary>
public sealed record StateChanged(long Timestamp, int Turn, ConversationState From, ConversationState To, string Cause) : PipelineEvent(Timestamp, Turn);

/// <summary>Voice onset from the VAD (after echo cancellation).</summary>
public sealed record UserSpeechStarted(long Timestamp, int Turn, long SampleIndex) : PipelineEvent(Timestamp, Turn);

/// <summary>
/// The best hypothesis so far while the visitor is still speaking (streaming recognisers only; subtitles
/// while listening). It may change or vanish; <see cref="UserTranscript"/> is the final word. Turn is 0
/// (the turn only exists at the endpoint); <paramref name="SpeechStartSample"/> matches the
/// <see cref="UserSpeechStarted"/> it belongs to.
/// </summary>
public sealed record UserPartialTranscript(long Timestamp, int Turn, long SpeechStartSample, string Text) : PipelineEvent(Timestamp, Turn);

/// <summary>The final transcript of the user's utterance and the language the reply will use.</summary>
public sealed record UserTranscript(long Timestamp, int Turn, string Text, string Language) : PipelineEvent(Timestamp, Turn);

/// <summary>The input guard refused the utterance (the persona's deflection is spoken instead).</summary>
public sealed record InputBlocked(long Timestamp, int Turn, string Reason) : PipelineEvent(Timestamp, Turn);

/// <summary>The compliance filter replaced a reply sentence before synthesis.</summary>
public sealed record SentenceBlocked(long Timestamp, int Turn, int Sentence, string Reason) : PipelineEvent(Timestamp, Turn);

/// <summary>A reply sentence starts playing at <paramref name="StartFrame"/> and lasts <paramref name="Frames"/> (0 while unknown).</summary>
public sealed record Subtitle(long Timestamp, int Turn, int Sentence, string Text, string Language, long StartFrame, long Frames) : PipelineEvent(Timestamp, Turn);

/// <summary>The face/prosody emotion from <paramref name="Frame"/> on.</summary>
public sealed record EmotionCue(long Timestamp, int Turn, Emotion Emotion, long Frame) : PipelineEvent(Timestamp, Turn);

/// <summary>A gesture to start at <paramref name="Frame"/> ("wave", "heart", "bow", "point", "akimbo").</summary>
public sealed record GestureCue(long Timestamp, int Turn, string Gesture, long Frame) : PipelineEvent(Timestamp, Turn);

/// <summary>A phoneme of the TTS voice starting at <paramref name="Frame"/> (for visemes).</summary>
public sealed record PhonemeCue(long Timestamp, int Turn, string Phoneme, long Frame) : PipelineEvent(Timestamp, Turn);

/// <summary>The user interrupted: playback stopped at <paramref name="StopFrame"/>; avatar returns to listening.</summary>
public sealed record BargeIn(long Timestamp, int Turn, long StopFrame) : PipelineEvent(Timestamp, Turn);

/// <summary>Direction of arrival of the talker from the front end, degrees (0 = straight ahead, clockwise).</summary>
public sealed record DirectionOfArrival(long Timestamp, int Turn, double Degrees) : PipelineEvent(Timestamp, Turn);

/// <summary>A wake word was heard (or presence detected, Keyword = "presence").</summary>
public sealed record Wakeup(long Timestamp, int Turn, string Keyword) : PipelineEvent(Timestamp, Turn);

/// <summary>The turn ended (completed, interrupted, blocked, empty or failed), with its full trace.</summary>
public sealed record TurnFinished(long Timestamp, int Turn, TurnSummary Summary) : PipelineEvent(Timestamp, Turn);
