using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Appliance.Drivers.Gpio.Kernel;

// Mirrors of linux/gpio.h (GPIO character device uAPI v2), field by field with the kernel's names.
// __aligned_u64 fields are naturally 8-byte aligned on x86-64 and arm64, so Sequential layout matches.

/// <summary>struct gpiochip_info.</summary>
[StructLayout(LayoutKind.Sequential)]
public struct gpiochip_info
{
    public GpioName name;
    public GpioName label;
    public uint lines;
}

/// <summary>char[GPIO_MAX_NAME_SIZE] (32).</summary>
[InlineArray(32)]
public struct GpioName
{
    private byte _element0;

    public override readonly string ToString()
    {
        ReadOnlySpan<byte> bytes = this;
        var end = bytes.IndexOf((byte)0);
        return System.Text.Encoding.UTF8.GetString(end < 0 ? bytes : bytes[..end]);
    }

    public static GpioName From(string text)
    {
        var name = default(GpioName);
        Span<byte> dest = name;
        var n = System.Text.Encoding.UTF8.GetBytes(text.AsSpan(0, Math.Min(text.Length, 31)), dest[..31]);
        dest[n] = 0;
        return name;
    }
}

/// <summary>enum gpio_v2_line_flag.</summary>
[Flags]
public enum gpio_v2_line_flag : ulong
{
    GPIO_V2_LINE_FLAG_USED = 1UL << 0,
    GPIO_V2_LINE_FLAG_ACTIVE_LOW = 1UL << 1,
    GPIO_V2_LINE_FLAG_INPUT = 1UL << 2,
    GPIO_V2_LINE_FLAG_OUTPUT = 1UL << 3,
    GPIO_V2_LINE_FLAG_EDGE_RISING = 1UL << 4,
    GPIO_V2_LINE_FLAG_EDGE_FALLING = 1UL << 5,
    GPIO_V2_LINE_FLAG_OPEN_DRAIN = 1UL << 6,
    GPIO_V2_LINE_FLAG_OPEN_SOURCE = 1UL << 7,
    GPIO_V2_LINE_FLAG_BIAS_PULL_UP = 1UL << 8,
    GPIO_V2_LINE_FLAG_BIAS_PULL_DOWN = 1UL << 9,
    GPIO_V2_LINE_FLAG_BIAS_DISABLED = 1UL << 10,
    GPIO_V2_LINE_FLAG_EVENT_CLOCK_REALTIME = 1UL << 11,
    GPIO_V2_LINE_FLAG_EVENT_CLOCK_HTE = 1UL << 12,
}

/// <summary>enum gpio_v2_line_attr_id.</summary>
public enum gpio_v2_line_attr_id : uint
{
    GPIO_V2_LINE_ATTR_ID_FLAGS = 1,
    GPIO_V2_LINE_ATTR_ID_OUTPUT_VALUES = 2,
    GPIO_V2_LINE_ATTR_ID_DEBOUNCE = 3,
}

/// <summary>struct gpio_v2_line_values.</summary>
[StructLayout(LayoutKind.Sequential)]
public struct gpio_v2_line_values
{
    public ulong bits;
    public ulong mask;
}

/// <summary>struct gpio_v2_line_attribute: id, padding, then a union of flags / values / debounce_period_us.</summary>
[StructLayout(LayoutKind.Explicit, Size = 16)]
public struct gpio_v2_line_attribute
{
    [FieldOffset(0)] public uint id;
    [FieldOffset(4)] public uint padding;
    [FieldOffset(8)] public ulong flags;
    [FieldOffset(8)] public ulong values;
    [FieldOffset(8)] public uint debounce_period_us;
}

/// <summary>struct gpio_v2_line_config_attribute.</summary>
[StructLayout(LayoutKind.Sequential)]
public struct gpio_v2_line_config_attribute
{
    public gpio_v2_line_attribute attr;
    public ulong mask;
}

/// <summary>gpio_v2_line_config_attribute[GPIO_V2_LINE_NUM_ATTRS_MAX] (10).</summary>
[InlineArray(10)]
public struct GpioConfigAttributes
{
    private gpio_v2_line_config_attribute _element0;
}

/// <summary>__u32 padding[5].</summary>
[InlineArray(5)]
public struct GpioPadding5
{
    private uint _element0;
}

/// <summary>__u32 padding[6].</summary>
[InlineArray(6)]
public struct GpioPadding6
{
    private uint _element0;
}

/// <summary>__u32 offsets[GPIO_V2_LINES_MAX] (64).</summary>
[InlineArray(64)]
public struct GpioOffsets
{
    private uint _element0;
}

/// <summary>struct gpio_v2_line_config.</summary>
[StructLayout(LayoutKind.Sequential)]
public struct gpio_v2_line_config
{
    public ulong flags;
    public uint num_attrs;
    public GpioPadding5 padding;
    public GpioConfigAttributes attrs;
}

/// <summary>struct gpio_v2_line_request.</summary>
[StructLayout(LayoutKind.Sequential)]
public struct gpio_v2_line_request
{
    public GpioOffsets offsets;
    public GpioName consumer;
    public gpio_v2_line_config config;
    public uint num_lines;
    public uint event_buffer_size;
    public GpioPadding5 padding;
    public int fd;
}

/// <summary>enum gpio_v2_line_event_id.</summary>
public enum gpio_v2_line_event_id : uint
{
    GPIO_V2_LINE_EVENT_RISING_EDGE = 1,
    GPIO_V2_LINE_EVENT_FALLING_EDGE = 2,
}

/// <summary>struct gpio_v2_line_event (48 bytes, read from the line request's fd).</summary>
[StructLayout(LayoutKind.Sequential)]
public struct gpio_v2_line_event
{
    public ulong timestamp_ns;
    public uint id;
    public uint offset;
    public uint seqno;
    public uint line_seqno;
    public GpioPadding6 padding;
}
