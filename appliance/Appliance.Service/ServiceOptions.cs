namespace Appliance.Service;

/// <summary>
/// Where the service keeps things and which ports it opens. Defaults are the image layout; a checkout
/// or a test points StateDir/ConfigDir at a temp dir ($APPLIANCE_STATE_DIR, $APPLIANCE_CONFIG_DIR or
/// `run --state-dir/--config-dir`). Ports set here override the configuration file (0 = any free port).
/// </summary>
public sealed class ServiceOptions
{
    public string StateDir { get; set; } = Environment.GetEnvironmentVariable("APPLIANCE_STATE_DIR") is { Length: > 0 } s ? s : "/var/lib/appliance";

    public string ConfigDir { get; set; } = Environment.GetEnvironmentVariable("APPLIANCE_CONFIG_DIR") is { Length: > 0 } c ? c : "/etc/appliance";

    public int? AdminPort { get; set; }

    public int? KioskPort { get; set; }

    /// <summary>Host shutdown budget: the pipeline must stop mid-utterance within it.</summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Where the first admin token is printed once (stdout by default).</summary>
    public TextWriter? TokenBannerWriter { get; set; }

    /// <summary>PBKDF2 iterations for token hashes (lowered only by tests that create many tokens).</summary>
    public int TokenHashIterations { get; set; } = 100_000;

    /// <summary>$NOTIFY_SOCKET by default; null/empty = not under systemd.</summary>
    public string? NotifySocket { get; set; } = Environment.GetEnvironmentVariable("NOTIFY_SOCKET");

    /// <summary>
    /// What the provisioned stick says on top of the base configuration (the config dir's appliance.yaml or
    /// the built-in defaults), e.g. persona and voice; never applied over the admin API's own changes.
    /// </summary>
    public Action<Configuration.ApplianceConfig>? ProvisionedDefaults { get; set; }

    /// <summary>From $WATCHDOG_USEC/$WATCHDOG_PID by default; null = no watchdog.</summary>
    public Systemd.WatchdogSettings? Watchdog { get; set; } = Systemd.WatchdogSettings.FromEnvironment();

    /// <summary>Start the Kestrel listeners (false under WebApplicationFactory's test server).</summary>
    public bool UseKestrel { get; set; } = true;

    /// <summary>
    /// Admin API requests per second for all clients together (token bucket, <see cref="ApiBurst"/> deep).
    /// Requests over it wait in a queue of <see cref="ApiQueueLimit"/> (clients that poll in a loop slow
    /// down instead of spinning), beyond that 503. It bounds the CPU the API can take from the conversation
    /// on a 2-core box (`bench service-load`); the dashboard and Prometheus need a few requests a second.
    /// 0 = unlimited (`run --api-rate 0`, the bench's baseline).
    /// </summary>
    public int ApiRequestsPerSecond { get; set; } = 200;

    public int ApiBurst { get; set; } = 50;

    /// <summary>
    /// How often the bucket refills (with that period's share of <see cref="ApiRequestsPerSecond"/>, at least
    /// one token, never above <see cref="ApiBurst"/>). Null: every 100 ms, or every 1/rate s below 10 req/s.
    /// Tests set a long period so that no refill lands among requests they send at once.
    /// </summary>
    public TimeSpan? ApiRefillPeriod { get; set; }

    public int ApiQueueLimit { get; set; } = 256;

    public long MaxJsonBodyBytes { get; set; } = 64 * 1024;

    public long MaxDocumentBytes { get; set; } = 1024 * 1024;

    /// <summary>
    /// Endpoints mapped beside the API by the composition root (`run` maps the avatar page at /kiosk);
    /// WebSockets are enabled when set. Null in the service's own tests.
    /// </summary>
    public Action<Microsoft.AspNetCore.Routing.IEndpointRouteBuilder>? MapExtraEndpoints { get; set; }
}
