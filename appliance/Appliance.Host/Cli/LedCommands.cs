using System.CommandLine;
using Appliance.Drivers.Leds.Patterns;
using Appliance.Drivers.Leds.Spi;
using Appliance.Drivers.Leds.Strips;

namespace Appliance.Host.Cli;

/// <summary>`leds test`: shows each state pattern on the installed ring, for technicians.</summary>
internal static class LedCommands
{
    public static Command Create()
    {
        var device = new Option<string>("--device") { Description = "spidev node", DefaultValueFactory = _ => "/dev/spidev0.0" };
        var type = new Option<string>("--type") { Description = "apa102, sk9822 or ws2812", DefaultValueFactory = _ => "apa102" };
        var count = new Option<int>("--count") { Description = "number of LEDs", DefaultValueFactory = _ => 12 };
        var order = new Option<ColorOrder?>("--order") { Description = "colour byte order on the wire (default: the chip's native order)" };
        var pattern = new Option<string>("--pattern") { Description = "idle, listening, thinking, speaking, error, provisioning or all", DefaultValueFactory = _ => "all" };
        var seconds = new Option<double>("--seconds") { Description = "how long each pattern shows", DefaultValueFactory = _ => 3 };
        var test = new Command("test", "Show the state patterns on the LED ring") { device, type, count, order, pattern, seconds };
        test.SetAction(async (parse, ct) =>
        {
            var states = parse.GetValue(pattern) == "all"
                ? new[] { LedState.Idle, LedState.Listening, LedState.Thinking, LedState.Speaking, LedState.Error, LedState.Provisioning }
                : [Enum.Parse<LedState>(parse.GetValue(pattern)!, ignoreCase: true)];
            using var strip = Open(parse.GetValue(device)!, parse.GetValue(type)!, parse.GetValue(count), parse.GetValue(order));
            await using var animator = new LedAnimator(strip, LedTheme.Default);
            animator.Start();
            var each = TimeSpan.FromSeconds(parse.GetValue(seconds));
            foreach (var state in states)
            {
                Console.WriteLine($"leds: {state}");
                var start = DateTime.UtcNow;
                while (DateTime.UtcNow - start < each && !ct.IsCancellationRequested)
                {
                    var t = (DateTime.UtcNow - start).TotalSeconds;
                    animator.Scene = new LedScene(state, DoaDegrees: t / each.TotalSeconds * 360, AudioLevel: 0.5 + 0.5 * Math.Sin(t * 8), Progress: t / each.TotalSeconds);
                    await Task.Delay(30, CancellationToken.None);
                }
            }
            return 0;
        });
        var leds = new Command("leds", "LED ring tools");
        leds.Subcommands.Add(test);
        return leds;
    }

    private static ILedStrip Open(string device, string type, int count, ColorOrder? order) => type.ToLowerInvariant() switch
    {
        "apa102" => new Apa102Strip(new SpidevDevice(device, 8_000_000), count, order ?? ColorOrder.BGR),
        "sk9822" => new Apa102Strip(new SpidevDevice(device, 8_000_000), count, order ?? ColorOrder.BGR, sk9822: true),
        "ws2812" => new Ws2812SpiStrip(new SpidevDevice(device, Ws2812SpiStrip.RequiredClockHz), count, order ?? ColorOrder.GRB),
        _ => throw new ArgumentException($"unknown LED type '{type}'; use apa102, sk9822 or ws2812"),
    };
}
