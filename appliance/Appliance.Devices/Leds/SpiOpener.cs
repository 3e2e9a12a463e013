using Appliance.Drivers.Leds.Spi;

namespace Appliance.Devices.Leds;

/// <summary>Opens the LED bus (path, clock); the real spidev unless a test registers a fake bus.</summary>
public delegate ISpiDevice SpiOpener(string path, uint clockHz);
