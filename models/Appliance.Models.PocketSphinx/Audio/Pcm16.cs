namespace Appliance.Models.PocketSphinx.Audio;

/// <summary>pocketsphinx takes 16-bit PCM; the appliance passes floats in [-1, 1].</summary>
internal static class Pcm16
{
    public static void Convert(ReadOnlySpan<float> source, Span<short> destination)
    {
        for (var i = 0; i < source.Length; i++)
        {
            var v = source[i];
            // NaN becomes silence; out-of-range values clip like a real ADC would.
            destination[i] = float.IsNaN(v) ? (short)0 : (short)Math.Round(Math.Clamp(v, -1f, 1f) * 32767f);
        }
    }
}
