using Appliance.Drivers.Gpio.Kernel;

namespace Appliance.Devices.Gpio;

/// <summary>Opens a GPIO chip by path; the real character device unless a test registers a fake chip.</summary>
public delegate IGpioChip GpioChipOpener(string path);
