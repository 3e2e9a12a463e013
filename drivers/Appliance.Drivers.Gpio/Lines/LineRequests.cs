using Appliance.Drivers.Gpio.Kernel;

namespace Appliance.Drivers.Gpio.Lines;

/// <summary>Builds the kernel request structs for single-line inputs and outputs.</summary>
public static class LineRequests
{
    /// <summary>An input reporting both edges, with bias, polarity and (when set) kernel debounce.</summary>
    public static gpio_v2_line_request Input(GpioLineSettings line, string consumer)
    {
        var request = Base(line, consumer);
        request.config.flags = (ulong)(gpio_v2_line_flag.GPIO_V2_LINE_FLAG_INPUT
            | gpio_v2_line_flag.GPIO_V2_LINE_FLAG_EDGE_RISING
            | gpio_v2_line_flag.GPIO_V2_LINE_FLAG_EDGE_FALLING) | Common(line);
        request.event_buffer_size = 16;
        if (line.DebounceMs > 0)
        {
            request.config.attrs[0] = new gpio_v2_line_config_attribute
            {
                attr = new gpio_v2_line_attribute
                {
                    id = (uint)gpio_v2_line_attr_id.GPIO_V2_LINE_ATTR_ID_DEBOUNCE,
                    debounce_period_us = (uint)line.DebounceMs * 1000,
                },
                mask = 1,
            };
            request.config.num_attrs = 1;
        }
        return request;
    }

    /// <summary>An output driven to <paramref name="initialActive"/> from the moment it is claimed.</summary>
    public static gpio_v2_line_request Output(GpioLineSettings line, string consumer, bool initialActive)
    {
        var request = Base(line, consumer);
        request.config.flags = (ulong)gpio_v2_line_flag.GPIO_V2_LINE_FLAG_OUTPUT | Common(line);
        request.config.attrs[0] = new gpio_v2_line_config_attribute
        {
            attr = new gpio_v2_line_attribute
            {
                id = (uint)gpio_v2_line_attr_id.GPIO_V2_LINE_ATTR_ID_OUTPUT_VALUES,
                values = initialActive ? 1UL : 0UL,
            },
            mask = 1,
        };
        request.config.num_attrs = 1;
        return request;
    }

    private static gpio_v2_line_request Base(GpioLineSettings line, string consumer)
    {
        var request = default(gpio_v2_line_request);
        request.offsets[0] = line.Offset;
        request.num_lines = 1;
        request.consumer = GpioName.From(consumer);
        return request;
    }

    private static ulong Common(GpioLineSettings line)
    {
        var flags = line.ActiveLow ? gpio_v2_line_flag.GPIO_V2_LINE_FLAG_ACTIVE_LOW : 0;
        flags |= line.Bias switch
        {
            GpioBias.PullUp => gpio_v2_line_flag.GPIO_V2_LINE_FLAG_BIAS_PULL_UP,
            GpioBias.PullDown => gpio_v2_line_flag.GPIO_V2_LINE_FLAG_BIAS_PULL_DOWN,
            GpioBias.Disabled => gpio_v2_line_flag.GPIO_V2_LINE_FLAG_BIAS_DISABLED,
            _ => 0,
        };
        return (ulong)flags;
    }
}
