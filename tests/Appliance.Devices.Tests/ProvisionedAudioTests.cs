using Appliance.Devices.Audio;
using Appliance.Drivers.Dsp;
using Appliance.Provisioning.Document;
using Appliance.Service.Configuration;

namespace Appliance.Devices.Tests;

public class ProvisionedAudioTests
{
    private static AudioSection Respeaker(int? processed = null) => new()
    {
        Capture = "ReSpeaker 4 Mic Array",
        Playback = "default",
        MicArray = new MicArraySection { Geometry = "circular", Channels = 4, RadiusM = 0.032, ProcessedChannel = processed },
    };

    [Fact]
    public void Provisioned_devices_and_array_are_used_when_the_admin_config_names_none()
    {
        var audio = ProvisionedAudio.Resolve(new AudioConfig(), Respeaker());
        Assert.Equal("ReSpeaker 4 Mic Array", audio.InputDevice);
        Assert.Equal("default", audio.OutputDevice);
        Assert.Equal(4, audio.Channels);
        Assert.Equal(ArrayShape.Circular, audio.Geometry!.Shape);
        Assert.Equal(4, audio.Geometry.Microphones);
        Assert.Equal(0.032, audio.Geometry.Size);
        Assert.Null(audio.Problem);
    }

    [Fact]
    public void Admin_config_wins_where_it_names_a_device()
    {
        var audio = ProvisionedAudio.Resolve(new AudioConfig { InputDevice = "hw:2,0", OutputDevice = "HDMI" }, Respeaker());
        Assert.Equal("hw:2,0", audio.InputDevice);
        Assert.Equal("HDMI", audio.OutputDevice);
        Assert.Equal(4, audio.Channels); // the array itself is still the provisioned one
    }

    [Fact]
    public void Processed_channel_is_not_a_microphone()
    {
        var section = Respeaker(processed: 0);
        section.MicArray!.Channels = 6;
        var audio = ProvisionedAudio.Resolve(new AudioConfig(), section);
        Assert.Equal(5, audio.Geometry!.Microphones);
        Assert.Equal([1, 2, 3, 4, 5], audio.Geometry.MicChannels);
        Assert.Equal(0, audio.Geometry.ProcessedChannel);
    }

    [Fact]
    public void An_implausible_array_is_reported_and_used_without_direction_finding()
    {
        var section = Respeaker();
        section.MicArray!.RadiusM = 5; // metres: a typo for millimetres
        var audio = ProvisionedAudio.Resolve(new AudioConfig(), section);
        Assert.Null(audio.Geometry);
        Assert.Equal(4, audio.Channels);
        Assert.Contains("audio.mic_array", audio.Problem);
    }

    [Fact]
    public void Nothing_provisioned_means_the_system_default_mono_microphone()
    {
        var audio = ProvisionedAudio.Resolve(new AudioConfig(), null);
        Assert.Equal(("default", "default", 1), (audio.InputDevice, audio.OutputDevice, audio.Channels));
        Assert.Null(audio.Geometry);
    }
}
