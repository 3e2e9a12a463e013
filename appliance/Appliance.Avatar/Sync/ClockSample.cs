namespace Appliance.Avatar.Sync;

/// <summary>
/// One NTP-style exchange: client sent at <paramref name="ClientSend"/>, server received at
/// <paramref name="ServerReceive"/> and replied at <paramref name="ServerSend"/>, client got the reply at
/// <paramref name="ClientReceive"/> (client times on the client clock, server times on the server clock).
/// </summary>
public readonly record struct ClockSample(double ClientSend, double ServerReceive, double ServerSend, double ClientReceive)
{
    /// <summary>server − client, assuming the path is symmetric.</summary>
    public double Offset => ((ServerReceive - ClientSend) + (ServerSend - ClientReceive)) / 2;

    /// <summary>Round trip minus the server's own processing time; the error bound of <see cref="Offset"/> is half of it.</summary>
    public double Delay => (ClientReceive - ClientSend) - (ServerSend - ServerReceive);

    /// <summary>Client time the offset estimate refers to (middle of the exchange).</summary>
    public double ClientMid => (ClientSend + ClientReceive) / 2;
}
