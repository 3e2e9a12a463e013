namespace Appliance.Drivers.Gpio.Lines;

/// <summary>A debounced change of a line, as the kernel reported it.</summary>
/// <param name="Active">The logical state after the edge (polarity applied by the kernel).</param>
/// <param name="TimestampNs">Kernel CLOCK_MONOTONIC time of the edge.</param>
/// <param name="Sequence">The kernel's per-line sequence number (gaps mean the event buffer overflowed).</param>
public readonly record struct GpioEdge(bool Active, ulong TimestampNs, uint Sequence);
