namespace Appliance.Drivers.Leds.Spi;

/// <summary>The bus seam LED drivers are written against: one call writes one whole frame.</summary>
public interface ISpiDevice : IDisposable
{
    /// <summary>Clock frequency used for transfers, in Hz.</summary>
    uint ClockHz { get; }

    void Write(ReadOnlySpan<byte> data);
}
