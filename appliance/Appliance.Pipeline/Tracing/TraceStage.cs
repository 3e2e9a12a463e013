namespace Appliance.Pipeline.Tracing;

/// <summary>The moments every turn stamps with the monotonic clock, in pipeline order.</summary>
public enum TraceStage
{
    SpeechStart,
    SpeechEnd,
    EndpointDetected,
    AsrFinal,
    Guarded,
    FirstToken,
    FirstSentence,
    FirstAudioSynthesized,
    FirstAudioPlayed,
    LastAudioPlayed,
    Cancelled,
}
