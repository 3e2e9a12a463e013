using Appliance.Models.Sherpa.Vad;

namespace Appliance.Models.Sherpa.Tests.Vad;

/// <summary>One detector (real silero model) shared by a test class; each test resets it.</summary>
public sealed class SileroVadFixture : IDisposable
{
    public SherpaVoiceActivityDetector Vad { get; } = new();

    public void Dispose() => Vad.Dispose();
}
