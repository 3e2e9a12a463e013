namespace Appliance.Pipeline;

public enum BargeInMode
{
    /// <summary>The avatar always finishes; speech while it talks is ignored (treated as echo).</summary>
    Off,

    /// <summary>Voice onset while speaking cancels the reply at once.</summary>
    On,

    /// <summary>Barge-in only once the first sentence has played (protects short answers from echo).</summary>
    AfterFirstSentence,
}
