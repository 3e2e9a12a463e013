namespace Appliance.Service.Configuration;

/// <summary>Dialog limits that keep replies short (latency is the product).</summary>
public sealed class DialogConfig
{
    /// <summary>"llm" or "knowledge-base".</summary>
    public string Responder { get; set; } = "llm";

    public int MaxReplyTokens { get; set; } = 96;

    public bool WakeWordRequired { get; set; }
}
