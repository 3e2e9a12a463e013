using Appliance.Avatar.Sync;

namespace Appliance.Avatar.Tests;

public class ClockSyncTests
{
    [Fact]
    public void SymmetricExchangeGivesTheExactOffset()
    {
        // client clock = server clock − 1000; 5 ms each way; server takes 1 ms.
        var s = new ClockSample(ClientSend: 0, ServerReceive: 1005, ServerSend: 1006, ClientReceive: 11);
        Assert.Equal(1000, s.Offset, 9);
        Assert.Equal(10, s.Delay, 9);
    }

    [Fact]
    public void RecoversOffsetAndDriftDespiteQueueingDelays()
    {
        // Server runs 80 ppm fast against the client and starts 123456.7 ms ahead; each direction has a
        // 1–3 ms base delay plus, on one exchange in four, a 40 ms queueing spike in one direction only.
        const double trueOffset = 123456.7, drift = 80e-6;
        double Server(double client) => client + trueOffset + drift * client;
        var random = new Random(7);
        var sync = new ClockSync();
        for (var i = 0; i < 40; i++)
        {
            var c0 = 1000.0 * i;
            var up = 1 + 2 * random.NextDouble() + (i % 4 == 1 ? 40 : 0);
            var down = 1 + 2 * random.NextDouble() + (i % 4 == 3 ? 40 : 0);
            var s1 = Server(c0 + up);
            var s2 = s1 + 0.3;
            var c1 = c0 + up + 0.3 / (1 + drift) + down;
            sync.Add(new ClockSample(c0, s1, s2, c1));
        }
        Assert.Equal(ClockSync.Capacity, sync.Count);
        foreach (var client in new[] { 20_000.0, 39_000, 45_000 })
        {
            Assert.InRange(sync.ToServer(client) - Server(client), -1.0, 1.0);
        }
        Assert.InRange(sync.Drift, drift - 40e-6, drift + 40e-6);
        Assert.Equal(30_000, sync.ToClient(sync.ToServer(30_000)), 6);
    }

    [Fact]
    public void FewSamplesUseTheFastestExchangeAndNoDrift()
    {
        var sync = new ClockSync();
        sync.Add(new ClockSample(0, 530, 530, 60));   // slow: offset 500 ± 30
        sync.Add(new ClockSample(100, 602, 602, 104)); // fast: offset 500 ± 2
        Assert.Equal(500, sync.Offset, 6);
        Assert.Equal(0, sync.Drift);
    }

    [Fact]
    public void ImpossibleExchangesAreIgnored()
    {
        var sync = new ClockSync();
        sync.Add(new ClockSample(10, 500, 520, 15)); // server took longer than the round trip
        Assert.Equal(0, sync.Count);
        sync.Add(new ClockSample(double.NaN, 1, 1, 2));
        Assert.Equal(0, sync.Count);
    }

    [Fact]
    public void KioskPageImplementsTheSameEstimator()
    {
        // Runs the ClockSync class from kiosk.js under node with the same samples and compares.
        var js = System.Text.Encoding.UTF8.GetString(new Hub.AvatarAssets().Get("kiosk.js")!.Value.Bytes);
        var start = js.IndexOf("class ClockSync", StringComparison.Ordinal);
        var end = js.IndexOf("\n  }\n", start, StringComparison.Ordinal) + 4;
        Assert.True(start > 0 && end > start);
        var samples = Enumerable.Range(0, 12).Select(i => new ClockSample(i * 500.0, 7000 + i * 500.0 * 1.0002 + (i % 3), 7000.5 + i * 500.0 * 1.0002 + (i % 3), i * 500.0 + 4 + (i % 2) * 9)).ToList();
        var sync = new ClockSync();
        samples.ForEach(sync.Add);
        var script = js[start..end] + "\nconst s = new ClockSync();\n"
            + string.Concat(samples.Select(x => FormattableString.Invariant($"s.add({x.ClientSend},{x.ServerReceive},{x.ServerSend},{x.ClientReceive});\n")))
            + "console.log(JSON.stringify([s.offset, s.drift, s.toServer(6000)]));\n";
        var file = Path.Combine(Path.GetTempPath(), $"clocksync-{Guid.NewGuid():N}.js");
        File.WriteAllText(file, script);
        try
        {
            if (!File.Exists("/usr/bin/node"))
            {
                Assert.Fail("node is needed to run the page's estimator (/usr/bin/node)");
            }
            using var p = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("/usr/bin/node", file) { RedirectStandardOutput = true, RedirectStandardError = true })!;
            var output = p.StandardOutput.ReadToEnd();
            p.WaitForExit();
            Assert.True(p.ExitCode == 0, p.StandardError.ReadToEnd());
            var values = System.Text.Json.JsonSerializer.Deserialize<double[]>(output)!;
            Assert.Equal(sync.Offset, values[0], 6);
            Assert.Equal(sync.Drift, values[1], 9);
            Assert.Equal(sync.ToServer(6000), values[2], 6);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
