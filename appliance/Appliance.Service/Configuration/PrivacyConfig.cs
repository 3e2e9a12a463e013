namespace Appliance.Service.Configuration;

/// <summary>Whether conversation text may be kept and shown, and for how long turns are kept at all.</summary>
public sealed class PrivacyConfig
{
    /// <summary>Off by default: traces keep timings only.</summary>
    public bool StoreConversationText { get; set; }

    /// <summary>Turns older than this are never shown (1..720 hours).</summary>
    public int RetentionHours { get; set; } = 24;
}
