using System.Collections.Concurrent;
using Appliance.Service.Models;
using Appliance.Service.Runtime;

namespace Appliance.Service.Tests.Support;

/// <summary>Audio, LEDs and model loading as the other parts would provide them, recorded for assertions.</summary>
public sealed class FakeDevices : IAudioControl, ILedControl, IModelActivator
{
    public readonly ConcurrentQueue<(double Hz, int Ms)> Tones = new();
    public readonly ConcurrentQueue<string> LedPatterns = new();
    public readonly ConcurrentQueue<string> Activated = new();
    public readonly HashSet<string> BrokenModels = [];

    public IReadOnlyList<AudioDeviceInfo> Devices() => [new("hw:1", "ReSpeaker 4-mic array", 4, 0, true), new("hw:0", "HDMI", 0, 2, true)];

    public AudioLevels Levels() => new([-32.5, -30.1, -35.0, -28.7], [-12.0, -10.5, -14.2, -9.8], -24.0);

    public Task PlayTestToneAsync(double frequencyHz, int durationMs, CancellationToken cancellationToken)
    {
        Tones.Enqueue((frequencyHz, durationMs));
        return Task.CompletedTask;
    }

    public IReadOnlyList<string> Patterns { get; } = ["off", "rainbow", "chase"];

    public Task RunTestPatternAsync(string pattern, int durationMs, CancellationToken cancellationToken)
    {
        LedPatterns.Enqueue(pattern);
        return Task.CompletedTask;
    }

    public Task ActivateAsync(ModelEntry model, string path, CancellationToken cancellationToken)
    {
        if (BrokenModels.Contains(model.Id))
        {
            throw new InvalidOperationException($"engine refused {model.Id}");
        }
        Activated.Enqueue(model.Id);
        return Task.CompletedTask;
    }
}
