using Appliance.Drivers.Dsp.Measurements;
using Xunit.Abstractions;

namespace Appliance.Drivers.Dsp.Tests;

public sealed class DoaTests(ITestOutputHelper output)
{
    public static TheoryData<string> Geometries => new() { "linear:4:0.04", "circular:4:0.032", "circular:6:0.0463" };

    [Theory]
    [MemberData(nameof(Geometries))]
    public void Plane_waves_of_speech_at_10_dB_SNR_are_located_within_10_degrees(string spec)
    {
        var geometry = ArrayGeometry.Parse(spec);
        var angles = geometry.Shape == ArrayShape.Linear ? new double[] { 20, 60, 90, 135, 165 } : [0, 45, 100, 200, 290, 330];
        var report = DoaMeasurement.Run(geometry, Speech.Seconds(2, skipFiles: 5), snrDb: 10, angles);
        output.WriteLine(report.ToString());
        Assert.True(report.Windows >= angles.Length * 5);
        Assert.True(report.MedianErrorDeg <= 10, $"median DOA error {report.MedianErrorDeg:F1}°");
        Assert.True(report.MeanErrorDeg <= 10, $"mean DOA error {report.MeanErrorDeg:F1}°");
    }
}
