using Appliance.Drivers.Leds.Strips;

namespace Appliance.Drivers.Leds.Patterns;

/// <summary>
/// Installation checks a technician runs from the admin API: every LED white (dead pixels, power),
/// a rainbow (colour order), a single chasing LED (count and direction) and the state patterns in turn.
/// </summary>
public static class TestPatterns
{
    public static readonly IReadOnlyList<string> Names = ["off", "all-on", "rainbow", "chase", "states"];

    /// <summary>How long each state shows in the "states" pattern.</summary>
    public static readonly TimeSpan StateStep = TimeSpan.FromSeconds(1.5);

    private static readonly LedState[] States = [LedState.Idle, LedState.Listening, LedState.Thinking, LedState.Speaking, LedState.Error, LedState.Provisioning];

    public static void Render(string name, TimeSpan t, LedTheme theme, Span<Rgb> pixels)
    {
        var n = pixels.Length;
        var max = theme.MaxLevel;
        switch (name)
        {
            case "all-on":
                pixels.Fill(new Rgb(255, 255, 255).Scale(max));
                break;
            case "rainbow":
                var shift = t.TotalSeconds % 4 / 4;
                for (var i = 0; i < n; i++)
                {
                    pixels[i] = Hue((double)i / n + shift).Scale(max);
                }
                break;
            case "chase":
                pixels.Clear();
                pixels[(int)(t.TotalSeconds * n) % n] = new Rgb(255, 255, 255).Scale(max);
                break;
            case "states":
                var step = (int)(t.Ticks / StateStep.Ticks);
                var state = States[step % States.Length];
                var within = t - step * StateStep;
                LedPatterns.Render(new LedScene(state, DoaDegrees: within.TotalSeconds * 240, AudioLevel: 0.5 + 0.5 * Math.Sin(within.TotalSeconds * 8),
                    Progress: within / StateStep), t, theme, pixels);
                break;
            default:
                pixels.Clear();
                break;
        }
    }

    /// <summary>Fully saturated colour at hue <paramref name="h"/> (0..1, wraps).</summary>
    private static Rgb Hue(double h)
    {
        h = (h % 1 + 1) % 1 * 6;
        var x = (byte)Math.Round(255 * (1 - Math.Abs(h % 2 - 1)));
        return (int)h switch
        {
            0 => new Rgb(255, x, 0),
            1 => new Rgb(x, 255, 0),
            2 => new Rgb(0, 255, x),
            3 => new Rgb(0, x, 255),
            4 => new Rgb(x, 0, 255),
            _ => new Rgb(255, 0, x),
        };
    }
}
