using Appliance.Core.Native;
using Appliance.Provisioning.Document;

namespace Appliance.Provisioning.Tests;

/// <summary>The documented example at the repository root must parse and validate (it is what technicians copy).</summary>
public class ExampleDocumentTests
{
    [Fact]
    public void The_repository_example_parses_and_validates()
    {
        var path = Path.Combine(AppliancePaths.FindRepositoryRoot()!, "provisioning.yaml");
        var document = ProvisioningParser.Parse(File.ReadAllText(path));
        Assert.Equal("booth-07", document.Device.Name);
        Assert.Equal(4, document.Audio!.MicArray!.Channels);
        Assert.Equal(17u, document.Gpio!.PushToTalk!.Line);
        Assert.Empty(DocumentValidator.Validate(document));
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var document = ProvisioningParser.Parse("""
            schema_version: 1
            device: { name: "bad name!", time_zone: Mars/Olympus }
            leds: { type: neopixel, count: 0 }
            display: { rotation: 45 }
            models:
              - { file: a.bin, sha256: xyz, size: 0, engine: llama, role: chat }
            """);
        var problems = DocumentValidator.Validate(document);
        Assert.Contains(problems, p => p.StartsWith("device.name", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("device.time_zone", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("leds.type", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("display.rotation", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("models[0].sha256", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("models[0].role", StringComparison.Ordinal));
        Assert.True(problems.Count >= 7, string.Join("\n", problems));
    }
}
