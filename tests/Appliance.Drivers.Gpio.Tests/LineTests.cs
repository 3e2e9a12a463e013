using Appliance.TestSupport.Fakes;
using Appliance.Drivers.Gpio.Kernel;
using Appliance.Drivers.Gpio.Lines;
using Appliance.TestSupport;

namespace Appliance.Drivers.Gpio.Tests;

public class LineTests
{
    private static readonly GpioLineSettings Button = new("/dev/gpiochip0", 17, ActiveLow: true, GpioBias.PullUp, DebounceMs: 30);

    [Fact]
    public void Input_request_asks_for_both_edges_bias_polarity_and_kernel_debounce()
    {
        var request = LineRequests.Input(Button, "appliance-ptt");
        Assert.Equal(17u, request.offsets[0]);
        Assert.Equal(1u, request.num_lines);
        Assert.Equal("appliance-ptt", request.consumer.ToString());
        var flags = (gpio_v2_line_flag)request.config.flags;
        Assert.Equal(
            gpio_v2_line_flag.GPIO_V2_LINE_FLAG_INPUT | gpio_v2_line_flag.GPIO_V2_LINE_FLAG_EDGE_RISING |
            gpio_v2_line_flag.GPIO_V2_LINE_FLAG_EDGE_FALLING | gpio_v2_line_flag.GPIO_V2_LINE_FLAG_ACTIVE_LOW |
            gpio_v2_line_flag.GPIO_V2_LINE_FLAG_BIAS_PULL_UP, flags);
        Assert.Equal(1u, request.config.num_attrs);
        Assert.Equal((uint)gpio_v2_line_attr_id.GPIO_V2_LINE_ATTR_ID_DEBOUNCE, request.config.attrs[0].attr.id);
        Assert.Equal(30_000u, request.config.attrs[0].attr.debounce_period_us);
        Assert.Equal(1ul, request.config.attrs[0].mask);
    }

    [Fact]
    public void Input_without_debounce_carries_no_attribute()
    {
        var request = LineRequests.Input(Button with { DebounceMs = 0, Bias = GpioBias.AsIs, ActiveLow = false }, "pir");
        Assert.Equal(0u, request.config.num_attrs);
    }

    [Fact]
    public void Output_request_sets_the_initial_value_atomically()
    {
        var request = LineRequests.Output(new GpioLineSettings("/dev/gpiochip0", 5), "amp", initialActive: true);
        Assert.Equal((ulong)gpio_v2_line_flag.GPIO_V2_LINE_FLAG_OUTPUT, request.config.flags);
        Assert.Equal((uint)gpio_v2_line_attr_id.GPIO_V2_LINE_ATTR_ID_OUTPUT_VALUES, request.config.attrs[0].attr.id);
        Assert.Equal(1ul, request.config.attrs[0].attr.values);
    }

    [Fact]
    public async Task Input_line_delivers_edges_in_order_and_counts_kernel_overflow()
    {
        var chip = new FakeGpioChip();
        using var line = new GpioInputLine(chip, Button, "ptt");
        var fake = chip.Lines.Single();
        fake.Edge(rising: true, 1000);
        fake.Edge(rising: false, 2000);
        fake.Edge(rising: true, 5000, lineSeq: 6);
        var edges = new List<GpioEdge>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        while (edges.Count < 3)
        {
            edges.Add(await line.Edges.ReadAsync(timeout.Token));
        }
        Assert.Equal([true, false, true], edges.Select(e => e.Active));
        Assert.Equal(2000ul, edges[1].TimestampNs);
        Assert.Equal(3, line.Missed);
    }

    [Fact]
    public void Disposing_an_input_releases_the_line_promptly()
    {
        var chip = new FakeGpioChip();
        var line = new GpioInputLine(chip, Button, "ptt");
        line.Dispose();
        Assert.True(chip.Lines.Single().Disposed);
        Assert.True(line.Edges.Completion.IsCompleted);
    }

    [Fact]
    public void Output_line_drives_values_and_goes_inactive_on_release()
    {
        var chip = new FakeGpioChip();
        var amp = new GpioOutputLine(chip, new GpioLineSettings("/dev/gpiochip0", 5), "amp");
        amp.Set(true);
        amp.Dispose();
        var fake = chip.Lines.Single();
        Assert.Equal([1ul, 0ul], fake.Written.Select(v => v.bits));
        Assert.All(fake.Written, v => Assert.Equal(1ul, v.mask));
        Assert.True(fake.Disposed);
    }

    [Fact]
    public void Presence_lasts_until_the_line_has_been_quiet_for_the_hold_time()
    {
        var clock = new ManualTimeProvider();
        var sensor = new PresenceSensor(TimeSpan.FromSeconds(10), clock);
        var changes = new List<bool>();
        sensor.PresenceChanged += changes.Add;
        sensor.OnEdge(new GpioEdge(true, 0, 1));
        clock.Advance(TimeSpan.FromSeconds(2));
        sensor.OnEdge(new GpioEdge(false, 0, 2));
        clock.Advance(TimeSpan.FromSeconds(9));
        sensor.Poll();
        Assert.True(sensor.IsPresent);
        sensor.OnEdge(new GpioEdge(true, 0, 3));
        sensor.OnEdge(new GpioEdge(false, 0, 4));
        clock.Advance(TimeSpan.FromSeconds(10));
        sensor.Poll();
        Assert.False(sensor.IsPresent);
        Assert.Equal([true, false], changes);
    }

    [Theory]
    [InlineData("/dev/spidev0.0", 1, 0)]
    [InlineData("/dev/gpiochip0", 5000, 0)]
    [InlineData("/dev/gpiochip0", 1, 5000)]
    public void Bad_line_settings_are_refused_with_the_role_named(string chip, uint offset, int debounce)
    {
        var e = Assert.Throws<ArgumentException>(() => new GpioLineSettings(chip, offset, DebounceMs: debounce).Validate("mute"));
        Assert.Contains("gpio mute", e.Message);
    }

    [Fact]
    public void Opening_a_missing_chip_lists_the_chips_present()
    {
        var e = Assert.Throws<IOException>(() => new LinuxGpioChip("/dev/gpiochip-missing"));
        Assert.Contains("/dev/gpiochip-missing", e.Message);
        Assert.Contains("chips present", e.Message);
    }
}
