using Appliance.Provisioning.Document;
using Appliance.Service.Configuration;

namespace Appliance.Devices.Tests;

public class ProvisionedPersonaTests
{
    [Fact]
    public void Stick_persona_and_voice_become_the_service_persona()
    {
        var settings = DeviceSettings.None("test") with
        {
            Persona = new PersonaSection
            {
                Name = "Xiaofang", Style = "warm, brief", Language = "zh", Greeting = "你好，我是小芳",
                Rules = ["Answer in at most three sentences.", "Only talk about the products at this booth."],
            },
            Voice = new VoiceSection { Voice = "cmn" },
        };
        var config = new ApplianceConfig();
        ProvisionedPersona.Apply(config, settings);
        Assert.Equal("Xiaofang", config.Persona.Name);
        Assert.Equal("zh", config.Persona.Language);
        Assert.Equal("你好，我是小芳", config.Persona.Greeting);
        Assert.Equal("Keep this tone: warm, brief. Answer in at most three sentences. Only talk about the products at this booth.", config.Persona.SystemPrompt);
        Assert.Equal("cmn", config.Persona.Voice);
    }

    [Fact]
    public void Without_persona_or_voice_sections_the_base_stays()
    {
        var config = new ApplianceConfig();
        var before = ConfigStore.ToYaml(config);
        ProvisionedPersona.Apply(config, DeviceSettings.None("test"));
        Assert.Equal(before, ConfigStore.ToYaml(config));
    }
}
