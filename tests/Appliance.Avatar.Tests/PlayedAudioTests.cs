using System.Text.Json.Nodes;
using Appliance.Avatar.Measurement;

namespace Appliance.Avatar.Tests;

/// <summary>The files `run --replay-out` writes, as `bench lipsync --live` reads them.</summary>
public sealed class PlayedAudioTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("played-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private void Write(float[] samples, params string[] lines)
    {
        File.WriteAllLines(Path.Combine(_dir, "played.jsonl"), lines);
        var bytes = new byte[samples.Length * sizeof(float)];
        Buffer.BlockCopy(samples, 0, bytes, 0, bytes.Length);
        File.WriteAllBytes(Path.Combine(_dir, "played.f32"), bytes);
    }

    [Fact]
    public void SoundRunsStartAtTheFirstLoudSampleAfterSilenceOnTheBlockTimeLine()
    {
        // 1000 Hz for easy ms. Reply 1: quiet 100 frames, loud at 100..199 with a 50 ms pause inside
        // (not a new run), then reply 2 written as a later block (stream frames contiguous, time jumps).
        var samples = new float[400];
        for (var i = 100; i < 300; i++)
        {
            samples[i] = i is >= 150 and < 200 ? 0.001f : 0.5f;
        }
        samples[350] = -0.3f;
        Write(samples, "{\"rate\":1000}", "{\"frame\":0,\"n\":300,\"ms\":5000}", "{\"frame\":300,\"n\":100,\"ms\":9000.5}", "{\"frame\":400,\"n\":10,\"ms\":9");
        var played = PlayedAudio.Load(_dir);
        Assert.Equal(2, played.BlockCount); // the cut-off last line is ignored
        var runs = played.SoundRuns(minimumSilenceMs: 400);
        Assert.Equal([(5100.0, 5299.0), (9050.5, 9050.5)], runs);
    }

    [Fact]
    public void MissingOrBrokenFilesAreClearErrors()
    {
        Assert.Contains("--replay-out", Assert.Throws<FileNotFoundException>(() => PlayedAudio.Load(_dir)).Message);
        Write(new float[4], "{\"hz\":1000}");
        Assert.Contains("rate", Assert.Throws<InvalidDataException>(() => PlayedAudio.Load(_dir)).Message);
        Write(new float[4], "{\"rate\":1000}", "{\"frame\":0}");
        Assert.Contains("bad line", Assert.Throws<InvalidDataException>(() => PlayedAudio.Load(_dir)).Message);
    }

    [Fact]
    public void PageLogEntriesBecomeAppliedCuesAndJunkIsSkipped()
    {
        var log = JsonNode.Parse("""
            [{"type":"applied","kind":"viseme","value":"AA","scheduled":100.5,"applied":104,"received":40,"run":106,"previous":87.3},
             {"kind":"viseme","value":"E","scheduled":200,"applied":201,"received":null,"previous":null},
             {"kind":"viseme","value":"O"}, 7]
            """);
        var cues = LiveLipsyncBench.ParseApplied(log);
        Assert.Equal(2, cues.Count);
        Assert.Equal(("AA", 100.5, 104.0, 40.0, 106.0, 87.3), (cues[0].Value, cues[0].Scheduled, cues[0].Applied, cues[0].Received, cues[0].Ran, cues[0].Previous));
        Assert.True(double.IsNaN(cues[1].Received));
        Assert.Empty(LiveLipsyncBench.ParseApplied(null));
    }
}
