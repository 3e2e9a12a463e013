namespace Appliance.Drivers.Dsp;

/// <summary>speexdsp's AEC and preprocessor work on 16-bit PCM; these convert with saturation.</summary>
internal static class Pcm16
{
    public static void FromFloat(ReadOnlySpan<float> source, Span<short> target)
    {
        for (var i = 0; i < source.Length; i++)
        {
            var v = source[i] * 32768f;
            target[i] = v >= 32767f ? short.MaxValue : v <= -32768f ? short.MinValue : (short)MathF.Round(v);
        }
    }

    public static void ToFloat(ReadOnlySpan<short> source, Span<float> target)
    {
        for (var i = 0; i < source.Length; i++)
        {
            target[i] = source[i] / 32768f;
        }
    }
}
