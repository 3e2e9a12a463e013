using Appliance.Drivers.Dsp.Measurements;
using Xunit.Abstractions;

namespace Appliance.Drivers.Dsp.Tests;

public sealed class EchoCancellationTests(ITestOutputHelper output)
{
    [Fact]
    public void Speech_through_a_synthetic_room_is_cancelled_by_at_least_25_dB_after_convergence()
    {
        var far = Speech.Seconds(14);
        var report = new ErleMeasurement().Run(far);
        output.WriteLine(report.ToString());
        Assert.NotNull(report.EstimatedDelay);
        Assert.InRange(report.EstimatedDelay!.Value, report.TrueDelay - 2, report.TrueDelay + 2);
        Assert.True(report.AecErleDb > 10, $"linear AEC ERLE {report.AecErleDb:F1} dB");
        Assert.True(report.TotalErleDb >= 25, $"ERLE after residual echo suppression {report.TotalErleDb:F1} dB < 25 dB");
    }

    [Fact]
    public void Delay_estimator_finds_the_bulk_delay_and_says_nothing_for_silence()
    {
        var far = Speech.Seconds(4, skipFiles: 3);
        var mic = Synthesis.TestSignals.Echo(far, Synthesis.TestSignals.RoomImpulseResponse(16000, 800, 0.1, 3), 0.3, 2345, 30, 5);
        var estimator = new DelayEstimator(16000);
        Assert.InRange(estimator.Estimate(far, mic)!.Value, 2343, 2347);
        Assert.Null(estimator.Estimate(new float[16000], mic));
    }
}
