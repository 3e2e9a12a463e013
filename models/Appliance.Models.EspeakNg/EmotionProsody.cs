using Appliance.Core.Speech;

namespace Appliance.Models.EspeakNg;

/// <summary>
/// espeak-ng prosody for each persona emotion: rate in words per minute (175 normal), base pitch and pitch
/// range on espeak's 0–100 scales (50 normal). Chosen by ear to follow the usual acoustic correlates
/// (happy/surprised: higher, wider pitch and faster; sad: lower, narrower, slower; thinking: slower, flatter).
/// </summary>
public readonly record struct EmotionProsody(int RateWpm, int Pitch, int Range)
{
    public static EmotionProsody For(Emotion emotion) => emotion switch
    {
        Emotion.Happy => new(195, 65, 70),
        Emotion.Sad => new(140, 35, 25),
        Emotion.Surprised => new(190, 72, 85),
        Emotion.Angry => new(200, 45, 65),
        Emotion.Thinking => new(150, 45, 35),
        _ => new(175, 50, 50),
    };

    /// <summary>Applies the caller's multipliers and clamps to the ranges espeak accepts.</summary>
    public EmotionProsody Scale(double rate, double pitch)
    {
        if (!(rate > 0) || !(pitch > 0) || double.IsInfinity(rate) || double.IsInfinity(pitch))
        {
            throw new ArgumentOutOfRangeException(nameof(rate), $"rate and pitch multipliers must be positive numbers (got {rate}, {pitch})");
        }
        return new(
            Math.Clamp((int)Math.Round(RateWpm * rate), 80, 450),
            Math.Clamp((int)Math.Round(Pitch * pitch), 0, 100),
            Range);
    }
}
