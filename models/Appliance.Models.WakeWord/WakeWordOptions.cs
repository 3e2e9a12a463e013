namespace Appliance.Models.WakeWord;

/// <param name="Keywords">Keywords to listen for (see <see cref="OpenWakeWordModels.Keywords"/>).</param>
/// <param name="Threshold">Classifier score (0..1) at or above which a keyword counts as heard.</param>
/// <param name="RefractoryPeriod">After a detection, no further detection (of any keyword) for this long:
/// the score stays high for several 80 ms steps while the phrase passes through the 1.28 s window.</param>
/// <param name="ModelDirectory">Folder holding the .onnx files; null for the installed openwakeword folder.</param>
/// <param name="Threads">ONNX Runtime intra-op threads per model (the models are tiny: 1 is fastest).</param>
/// <param name="CustomClassifiers">
/// Keyword → openWakeWord classifier file for keywords that are not bundled (a provisioned custom wake
/// word); the shared feature models still come from <paramref name="ModelDirectory"/>.
/// </param>
public sealed record WakeWordOptions(
    IReadOnlyList<string> Keywords,
    float Threshold = WakeWordOptions.DefaultThreshold,
    TimeSpan? RefractoryPeriod = null,
    string? ModelDirectory = null,
    int Threads = 1,
    IReadOnlyDictionary<string, string>? CustomClassifiers = null)
{
    /// <summary>
    /// The default threshold. openWakeWord's own default is 0.5; see README.md for the measured trade-off
    /// on synthetic positives and real negative speech.
    /// </summary>
    public const float DefaultThreshold = 0.5f;

    public static TimeSpan DefaultRefractoryPeriod { get; } = TimeSpan.FromSeconds(2);

    public TimeSpan Refractory => RefractoryPeriod ?? DefaultRefractoryPeriod;

    public static WakeWordOptions For(params string[] keywords) => new(keywords);

    /// <summary>The classifier file of <paramref name="keyword"/>: a custom one, else the bundled one in <paramref name="directory"/>.</summary>
    public string ClassifierPath(string keyword, string directory) =>
        CustomClassifiers?.TryGetValue(keyword, out var custom) == true ? custom : Path.Combine(directory, OpenWakeWordModels.ClassifierFile(keyword));

    internal void Validate()
    {
        if (Keywords is null || Keywords.Count == 0)
        {
            throw new ArgumentException("at least one wake keyword is needed", nameof(Keywords));
        }
        foreach (var k in Keywords.Where(k => CustomClassifiers?.ContainsKey(k) != true))
        {
            OpenWakeWordModels.ClassifierFile(k);
        }
        if (Keywords.Distinct().Count() != Keywords.Count)
        {
            throw new ArgumentException($"wake keywords are repeated: {string.Join(", ", Keywords)}", nameof(Keywords));
        }
        if (!(Threshold > 0 && Threshold <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(Threshold), Threshold, "the wake threshold must be in (0, 1]");
        }
        if (Refractory < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(RefractoryPeriod), Refractory, "the refractory period cannot be negative");
        }
        if (Threads < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(Threads), Threads, "threads must be 0 (ORT default) or positive");
        }
    }
}
