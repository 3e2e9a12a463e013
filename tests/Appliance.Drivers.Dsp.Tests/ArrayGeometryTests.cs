namespace Appliance.Drivers.Dsp.Tests;

public sealed class ArrayGeometryTests
{
    [Fact]
    public void A_geometry_that_does_not_match_the_channel_count_is_rejected()
    {
        var ex = Assert.Throws<ArrayGeometryException>(() => ArrayGeometry.Parse("circular:4:0.032").Validate(6));
        Assert.Contains("4 microphones", ex.Message);
        Assert.Contains("6 channels", ex.Message);
        Assert.Throws<ArrayGeometryException>(() => ArrayGeometry.Parse("linear:4:0.04:channels=1,2,3,6").Validate(6));
        Assert.Throws<ArrayGeometryException>(() => new AudioFrontEnd(new FrontEndOptions(2, ArrayGeometry.Linear(4, 0.04))));
    }

    [Fact]
    public void A_usb_array_with_a_processed_channel_maps_its_raw_mics()
    {
        var g = ArrayGeometry.Parse("circular:4:0.032:channels=1,2,3,4:processed=0");
        g.Validate(6);
        Assert.Equal([1, 2, 3, 4], g.MicChannels);
        Assert.Equal(0, g.ProcessedChannel);
    }

    [Theory]
    [InlineData("square:4:0.04")]
    [InlineData("linear:1:0.04")]
    [InlineData("linear:4:5")]
    [InlineData("circular:6")]
    [InlineData("linear:4:0.04:channels=a,b")]
    [InlineData("linear:2:0.04:channels=0,0")]
    public void Malformed_geometries_are_refused(string spec) =>
        Assert.Throws<ArrayGeometryException>(() => ArrayGeometry.Parse(spec));
}
