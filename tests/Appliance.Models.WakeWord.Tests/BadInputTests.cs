using Appliance.Models.OnnxRuntime;

namespace Appliance.Models.WakeWord.Tests;

public sealed class BadInputTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("wake-bad-").FullName;

    [Fact]
    public void Unknown_keyword_names_the_known_ones()
    {
        var e = Assert.Throws<ArgumentException>(() => new OpenWakeWordDetector(WakeWordOptions.For("hey_computer")));
        Assert.Contains("hey_computer", e.Message, StringComparison.Ordinal);
        Assert.Contains("hey_jarvis", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0f)]
    [InlineData(1.5f)]
    [InlineData(float.NaN)]
    public void Threshold_outside_0_1_is_refused(float threshold)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new OpenWakeWordDetector(new WakeWordOptions(["hey_jarvis"], threshold)));
    }

    [Fact]
    public void No_keywords_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new OpenWakeWordDetector(new WakeWordOptions([])));
    }

    [Fact]
    public void Missing_model_folder_is_a_clear_error()
    {
        var e = Assert.Throws<FileNotFoundException>(() => new OpenWakeWordDetector(new WakeWordOptions(["hey_jarvis"], ModelDirectory: Path.Combine(dir, "none"))));
        Assert.Contains("melspectrogram.onnx", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Corrupt_classifier_file_is_a_clear_error()
    {
        CopyStockModels();
        var bad = Path.Combine(dir, "hey_jarvis_v0.1.onnx");
        File.WriteAllBytes(bad, Enumerable.Range(0, 10_000).Select(i => (byte)(i * 31 % 256)).ToArray());

        var e = Assert.Throws<OnnxRuntimeException>(() => new OpenWakeWordDetector(new WakeWordOptions(["hey_jarvis"], ModelDirectory: dir)));
        Assert.Contains(bad, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_feature_model_in_place_of_a_classifier_is_recognised_as_the_wrong_model()
    {
        CopyStockModels();
        File.Copy(Path.Combine(dir, "embedding_model.onnx"), Path.Combine(dir, "alexa_v0.1.onnx"), overwrite: true);

        var e = Assert.Throws<InvalidDataException>(() => new OpenWakeWordDetector(new WakeWordOptions(["alexa"], ModelDirectory: dir)));
        Assert.Contains("not an openWakeWord keyword classifier", e.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(dir, recursive: true);

    private void CopyStockModels()
    {
        var stock = OpenWakeWordModels.FindDirectory() ?? throw new InvalidOperationException("run image/dev/setup");
        foreach (var f in Directory.GetFiles(stock, "*.onnx"))
        {
            File.Copy(f, Path.Combine(dir, Path.GetFileName(f)));
        }
    }
}
