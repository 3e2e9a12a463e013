namespace Appliance.Service.Configuration;

/// <summary>Audio devices and levels the pipeline uses; changing devices needs a pipeline restart.</summary>
public sealed class AudioConfig
{
    public string InputDevice { get; set; } = "default";

    public string OutputDevice { get; set; } = "default";

    public int SampleRate { get; set; } = 16000;

    public int Channels { get; set; } = 1;

    /// <summary>Output volume in percent (0..100).</summary>
    public int Volume { get; set; } = 80;
}
