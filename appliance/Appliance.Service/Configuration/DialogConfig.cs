namespace Appliance.Service.Configuration;

/// <summary>Dialog limits that keep replies short (latency is the product).</summary>
public sealed class DialogConfig
{
    /// <summary>
    /// "llm" (the provisioned GGUF under models/llm, when there is one; otherwise the knowledge base) or
    /// "knowledge-base" (curated answers only). Read when the engines load, i.e. at service start.
    /// </summary>
    public string Responder { get; set; } = "llm";

    public int MaxReplyTokens { get; set; } = 96;

    public bool WakeWordRequired { get; set; }

    /// <summary>
    /// The keyword woken on when <see cref="WakeWordRequired"/>: a bundled openWakeWord keyword (hey_jarvis,
    /// alexa, hey_mycroft, hey_rhasspy) or the file name (without .onnx) of a classifier provisioned under
    /// models/wake. Null: the provisioned classifier if there is one, else hey_jarvis.
    /// </summary>
    public string? WakeWord { get; set; }
}
