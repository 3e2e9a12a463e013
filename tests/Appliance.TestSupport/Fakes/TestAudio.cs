namespace Appliance.TestSupport.Fakes;

/// <summary>Synthetic "speech" for pipeline tests: loud tones the fake VAD hears, and silence.</summary>
public static class TestAudio
{
    public static float[] Tone(TimeSpan duration, float amplitude = 0.5f, int sampleRate = 16000, float hz = 220)
    {
        var samples = new float[(int)(duration.TotalSeconds * sampleRate)];
        for (var i = 0; i < samples.Length; i++)
        {
            samples[i] = amplitude * MathF.Sin(2 * MathF.PI * hz * i / sampleRate);
        }
        return samples;
    }

    public static float[] Silence(TimeSpan duration, int sampleRate = 16000) => new float[(int)(duration.TotalSeconds * sampleRate)];
}
