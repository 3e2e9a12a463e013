using System.Runtime.InteropServices;
using Appliance.Drivers.Gpio.Kernel;
using Appliance.TestSupport;

namespace Appliance.Drivers.Gpio.Tests;

/// <summary>Every mirrored struct and request code against linux/gpio.h, computed by a compiled C probe.</summary>
public class KernelAbiTests
{
    private const string Probe = """
        #include <stdio.h>
        #include <stddef.h>
        #include <linux/gpio.h>
        #define SZ(t) printf("sizeof_" #t " %zu\n", sizeof(struct t))
        #define OFF(t, f) printf(#t "." #f " %zu\n", offsetof(struct t, f))
        #define CODE(c) printf(#c " %lu\n", (unsigned long)(c))
        int main(void) {
          SZ(gpiochip_info); OFF(gpiochip_info, name); OFF(gpiochip_info, label); OFF(gpiochip_info, lines);
          SZ(gpio_v2_line_values); OFF(gpio_v2_line_values, bits); OFF(gpio_v2_line_values, mask);
          SZ(gpio_v2_line_attribute); OFF(gpio_v2_line_attribute, id); OFF(gpio_v2_line_attribute, padding);
          OFF(gpio_v2_line_attribute, flags); OFF(gpio_v2_line_attribute, values); OFF(gpio_v2_line_attribute, debounce_period_us);
          SZ(gpio_v2_line_config_attribute); OFF(gpio_v2_line_config_attribute, attr); OFF(gpio_v2_line_config_attribute, mask);
          SZ(gpio_v2_line_config); OFF(gpio_v2_line_config, flags); OFF(gpio_v2_line_config, num_attrs);
          OFF(gpio_v2_line_config, padding); OFF(gpio_v2_line_config, attrs);
          SZ(gpio_v2_line_request); OFF(gpio_v2_line_request, offsets); OFF(gpio_v2_line_request, consumer);
          OFF(gpio_v2_line_request, config); OFF(gpio_v2_line_request, num_lines); OFF(gpio_v2_line_request, event_buffer_size);
          OFF(gpio_v2_line_request, padding); OFF(gpio_v2_line_request, fd);
          SZ(gpio_v2_line_event); OFF(gpio_v2_line_event, timestamp_ns); OFF(gpio_v2_line_event, id); OFF(gpio_v2_line_event, offset);
          OFF(gpio_v2_line_event, seqno); OFF(gpio_v2_line_event, line_seqno); OFF(gpio_v2_line_event, padding);
          CODE(GPIO_GET_CHIPINFO_IOCTL); CODE(GPIO_V2_GET_LINE_IOCTL); CODE(GPIO_V2_LINE_SET_CONFIG_IOCTL);
          CODE(GPIO_V2_LINE_GET_VALUES_IOCTL); CODE(GPIO_V2_LINE_SET_VALUES_IOCTL);
          CODE(GPIO_V2_LINE_FLAG_EDGE_FALLING); CODE(GPIO_V2_LINE_FLAG_BIAS_DISABLED); CODE(GPIO_V2_LINE_ATTR_ID_DEBOUNCE);
          return 0;
        }
        """;

    private static readonly Lazy<IReadOnlyDictionary<string, long>> C = new(() => NativeProbe.Run(Probe));

    public static TheoryData<Type> Structs => new()
    {
        typeof(gpiochip_info), typeof(gpio_v2_line_values), typeof(gpio_v2_line_attribute),
        typeof(gpio_v2_line_config_attribute), typeof(gpio_v2_line_config), typeof(gpio_v2_line_request), typeof(gpio_v2_line_event),
    };

    [Theory]
    [MemberData(nameof(Structs))]
    public void Struct_size_and_every_field_offset_match_the_header(Type type)
    {
        Assert.Equal(C.Value["sizeof_" + type.Name], Marshal.SizeOf(type));
        var fields = type.GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance);
        Assert.NotEmpty(fields);
        foreach (var field in fields)
        {
            Assert.True(C.Value.TryGetValue($"{type.Name}.{field.Name}", out var expected), $"{type.Name}.{field.Name} is not in the header");
            Assert.Equal(expected, (long)Marshal.OffsetOf(type, field.Name));
        }
    }

    [Fact]
    public void Request_codes_and_constants_match_the_header()
    {
        Assert.Equal(C.Value["GPIO_GET_CHIPINFO_IOCTL"], (long)GpioIoctl.GPIO_GET_CHIPINFO_IOCTL);
        Assert.Equal(C.Value["GPIO_V2_GET_LINE_IOCTL"], (long)GpioIoctl.GPIO_V2_GET_LINE_IOCTL);
        Assert.Equal(C.Value["GPIO_V2_LINE_SET_CONFIG_IOCTL"], (long)GpioIoctl.GPIO_V2_LINE_SET_CONFIG_IOCTL);
        Assert.Equal(C.Value["GPIO_V2_LINE_GET_VALUES_IOCTL"], (long)GpioIoctl.GPIO_V2_LINE_GET_VALUES_IOCTL);
        Assert.Equal(C.Value["GPIO_V2_LINE_SET_VALUES_IOCTL"], (long)GpioIoctl.GPIO_V2_LINE_SET_VALUES_IOCTL);
        Assert.Equal((long)gpio_v2_line_flag.GPIO_V2_LINE_FLAG_EDGE_FALLING, C.Value["GPIO_V2_LINE_FLAG_EDGE_FALLING"]);
        Assert.Equal((long)gpio_v2_line_flag.GPIO_V2_LINE_FLAG_BIAS_DISABLED, C.Value["GPIO_V2_LINE_FLAG_BIAS_DISABLED"]);
        Assert.Equal((long)gpio_v2_line_attr_id.GPIO_V2_LINE_ATTR_ID_DEBOUNCE, C.Value["GPIO_V2_LINE_ATTR_ID_DEBOUNCE"]);
    }
}
