namespace Appliance.Service.Configuration;

/// <summary>
/// Admin API binding. Loopback unless AllowLan is set explicitly; the kiosk/dashboard HTTP port is
/// always loopback (the HDMI browser runs on the box).
/// </summary>
public sealed class ApiConfig
{
    public string BindAddress { get; set; } = "127.0.0.1";

    public bool AllowLan { get; set; }

    public int AdminPort { get; set; } = 8443;

    public int KioskPort { get; set; } = 8080;

    /// <summary>Requests per client (token, else address) per minute.</summary>
    public int RateLimitPerMinute { get; set; } = 600;
}
