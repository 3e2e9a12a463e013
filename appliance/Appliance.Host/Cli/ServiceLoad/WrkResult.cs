namespace Appliance.Host.Cli.ServiceLoad;

/// <summary>wrk's summary for one endpoint: requests answered, over how long, non-2xx answers and socket errors.</summary>
internal sealed record WrkResult(string Url, long Requests, double Seconds, long Non2xx, long SocketErrors);
