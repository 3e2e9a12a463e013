using Appliance.Drivers.Leds.Spi;

namespace Appliance.Drivers.Leds.Tests;

/// <summary>Records every frame written to the bus.</summary>
internal sealed class FakeSpiDevice(uint clockHz = 8_000_000) : ISpiDevice
{
    public List<byte[]> Frames { get; } = [];

    public uint ClockHz { get; } = clockHz;

    public byte[] Last => Frames[^1];

    public void Write(ReadOnlySpan<byte> data) => Frames.Add(data.ToArray());

    public void Dispose()
    {
    }
}
