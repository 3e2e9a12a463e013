using System.CommandLine;
using Appliance.Drivers.Gpio.Kernel;
using Appliance.Drivers.Gpio.Lines;

namespace Appliance.Host.Cli;

/// <summary>`gpio chips` and `gpio watch`: find and check buttons and sensors during installation.</summary>
internal static class GpioCommands
{
    public static Command Create()
    {
        var chips = new Command("chips", "List GPIO chips with their labels and line counts");
        chips.SetAction(_ =>
        {
            var paths = Directory.Exists("/dev") ? Directory.GetFiles("/dev", "gpiochip*").Order().ToArray() : [];
            if (paths.Length == 0)
            {
                Console.WriteLine("no GPIO chips (/dev/gpiochip*) on this machine");
            }
            foreach (var path in paths)
            {
                using var chip = new LinuxGpioChip(path);
                var info = chip.GetInfo();
                Console.WriteLine($"{path}  {info.name}  [{info.label}]  {info.lines} lines");
            }
            return 0;
        });

        var chipOption = new Option<string>("--chip") { Description = "GPIO chip", DefaultValueFactory = _ => "/dev/gpiochip0" };
        var lineOption = new Option<uint>("--line") { Description = "line offset", Required = true };
        var activeLow = new Option<bool>("--active-low") { Description = "asserted when electrically low (button to ground)" };
        var debounce = new Option<int>("--debounce-ms") { Description = "kernel debounce period", DefaultValueFactory = _ => 20 };
        var watch = new Command("watch", "Print edges of one input line until Ctrl+C") { chipOption, lineOption, activeLow, debounce };
        watch.SetAction(async (parse, ct) =>
        {
            var settings = new GpioLineSettings(parse.GetValue(chipOption)!, parse.GetValue(lineOption), parse.GetValue(activeLow),
                parse.GetValue(activeLow) ? GpioBias.PullUp : GpioBias.AsIs, parse.GetValue(debounce));
            using var chip = new LinuxGpioChip(settings.Chip);
            using var line = new GpioInputLine(chip, settings, "appliance-watch");
            Console.WriteLine($"watching {settings.Chip} line {settings.Offset} (now {(line.IsActive ? "active" : "inactive")}); Ctrl+C to stop");
            try
            {
                await foreach (var edge in line.Edges.ReadAllAsync(ct))
                {
                    Console.WriteLine($"{edge.TimestampNs / 1e9:F3}s  {(edge.Active ? "active" : "inactive")}  seq {edge.Sequence}");
                }
            }
            catch (OperationCanceledException)
            {
            }
            return 0;
        });

        var gpio = new Command("gpio", "GPIO tools (buttons, PIR sensor, amplifier enable)");
        gpio.Subcommands.Add(chips);
        gpio.Subcommands.Add(watch);
        return gpio;
    }
}
