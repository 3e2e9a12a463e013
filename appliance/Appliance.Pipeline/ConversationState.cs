namespace Appliance.Pipeline;

/// <summary>The kiosk's conversational state, shown by the avatar and the LEDs.</summary>
public enum ConversationState
{
    /// <summary>Nobody engaged; waiting for a wake word, presence or (by default) speech.</summary>
    Idle,

    /// <summary>Engaged and listening for the next utterance.</summary>
    Listening,

    /// <summary>The user stopped speaking: recognising and composing the reply.</summary>
    Thinking,

    /// <summary>Reply audio is playing.</summary>
    Speaking,
}
