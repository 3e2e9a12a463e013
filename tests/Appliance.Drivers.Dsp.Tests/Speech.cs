using Appliance.Core.Audio;
using Appliance.TestSupport;

namespace Appliance.Drivers.Dsp.Tests;

/// <summary>Real English recordings from ../shared, concatenated to the length a test needs.</summary>
internal static class Speech
{
    public static float[] Seconds(double seconds, int skipFiles = 0)
    {
        var target = (int)(seconds * 16000);
        var result = new List<float>(target);
        foreach (var (path, _) in SharedData.Transcripts("en").Skip(skipFiles))
        {
            result.AddRange(WavFile.ReadMono(path));
            if (result.Count >= target)
            {
                break;
            }
        }
        return result.Take(target).ToArray();
    }
}
