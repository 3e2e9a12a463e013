using Appliance.Drivers.Leds.Strips;

namespace Appliance.Drivers.Leds.Patterns;

/// <summary>
/// Pure functions from (scene, time) to pixels, so every pattern is testable frame by frame:
/// idle breathing (4 s period), listening with the speaker's direction lit, a thinking spinner
/// (one turn per second), a speaking pulse following the audio level, a 1 Hz error blink, and a
/// provisioning progress bar around the ring.
/// </summary>
public static class LedPatterns
{
    public static readonly TimeSpan BreathPeriod = TimeSpan.FromSeconds(4);
    public static readonly TimeSpan SpinPeriod = TimeSpan.FromSeconds(1);

    public static void Render(LedScene scene, TimeSpan t, LedTheme theme, Span<Rgb> pixels)
    {
        var n = pixels.Length;
        var max = theme.MaxLevel;
        switch (scene.State)
        {
            case LedState.Idle:
                var breath = 0.5 - 0.5 * Math.Cos(2 * Math.PI * Phase(t, BreathPeriod));
                pixels.Fill(theme.Idle.Scale(max * (0.08 + 0.32 * breath)));
                break;
            case LedState.Listening:
                if (scene.DoaDegrees is { } doa)
                {
                    var centre = IndexOf(doa, n, theme);
                    for (var i = 0; i < n; i++)
                    {
                        var d = RingDistance(i, centre, n);
                        pixels[i] = theme.Listening.Scale(max * (d == 0 ? 1.0 : d == 1 ? 0.45 : 0.06));
                    }
                }
                else
                {
                    pixels.Fill(theme.Listening.Scale(max * 0.5));
                }
                break;
            case LedState.Thinking:
                var head = (int)(Phase(t, SpinPeriod) * n) % n;
                for (var i = 0; i < n; i++)
                {
                    var behind = ((head - i) % n + n) % n;
                    pixels[i] = theme.Thinking.Scale(max * (behind < 4 ? 1.0 - behind * 0.25 : 0.03));
                }
                break;
            case LedState.Speaking:
                pixels.Fill(theme.Speaking.Scale(max * (0.15 + 0.85 * Math.Clamp(scene.AudioLevel, 0, 1))));
                break;
            case LedState.Error:
                pixels.Fill(Phase(t, TimeSpan.FromSeconds(1)) < 0.5 ? theme.Error.Scale(max) : Rgb.Black);
                break;
            case LedState.Provisioning:
                var lit = Math.Clamp(scene.Progress, 0, 1) * n;
                var full = (int)Math.Floor(lit);
                var blinkOn = Phase(t, TimeSpan.FromSeconds(0.5)) < 0.5;
                for (var i = 0; i < n; i++)
                {
                    var ring = Ordered(i, n, theme);
                    pixels[ring] = i < full ? theme.Progress.Scale(max)
                        : i == full && full < n && blinkOn ? theme.Progress.Scale(max * 0.3)
                        : Rgb.Black;
                }
                break;
            case LedState.Muted:
                pixels.Fill(theme.Error.Scale(max * 0.12)); // steady and dim: not the error blink
                break;
            case LedState.Test:
                TestPatterns.Render(scene.TestPattern ?? "off", t, theme, pixels);
                break;
            default:
                pixels.Clear();
                break;
        }
    }

    /// <summary>Index of the LED facing <paramref name="degrees"/>.</summary>
    public static int IndexOf(double degrees, int n, LedTheme theme)
    {
        var steps = (int)Math.Round((((degrees % 360) + 360) % 360) / 360.0 * n) % n;
        return Ordered(steps, n, theme);
    }

    /// <summary>The physical index of the <paramref name="step"/>-th LED counter-clockwise from 0°.</summary>
    private static int Ordered(int step, int n, LedTheme theme) =>
        ((theme.ZeroDegreesLed + (theme.Clockwise ? -step : step)) % n + n) % n;

    private static int RingDistance(int a, int b, int n)
    {
        var d = Math.Abs(a - b) % n;
        return Math.Min(d, n - d);
    }

    private static double Phase(TimeSpan t, TimeSpan period) =>
        t.Ticks % period.Ticks / (double)period.Ticks;
}
