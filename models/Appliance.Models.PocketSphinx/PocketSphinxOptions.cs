namespace Appliance.Models.PocketSphinx;

/// <summary>
/// Which model files the decoder uses. The defaults are the files Debian's pocketsphinx-en-us installs, so a
/// fresh machine recognises US English with no provisioning.
/// </summary>
public sealed record PocketSphinxOptions
{
    /// <summary>Where pocketsphinx-en-us puts its model.</summary>
    public const string DebianModelDir = "/usr/share/pocketsphinx/model/en-us";

    /// <summary>Acoustic model folder (mdef, means, variances, ... and feat.params).</summary>
    public string AcousticModel { get; init; } = Path.Combine(DebianModelDir, "en-us");

    /// <summary>Pronunciation dictionary (CMUdict format).</summary>
    public string Dictionary { get; init; } = Path.Combine(DebianModelDir, "cmudict-en-us.dict");

    /// <summary>N-gram language model: the generic en-us.lm.bin, or an ARPA file such as a domain model.</summary>
    public string LanguageModel { get; init; } = Path.Combine(DebianModelDir, "en-us.lm.bin");

    /// <summary>Extra pronunciations (CMUdict lines) added on top of <see cref="Dictionary"/>, e.g. product names.</summary>
    public IReadOnlyList<(string Word, string Phones)> ExtraPronunciations { get; init; } = [];

    /// <summary>
    /// Cepstral mean normalisation. The en-us model's feat.params asks for "batch" (whole-utterance mean),
    /// which cannot be computed while the user is still speaking; "live" uses a running estimate seeded by
    /// the model's -cmninit, so streaming and whole-utterance decoding agree.
    /// </summary>
    public string CepstralMeanNormalization { get; init; } = "live";

    /// <summary>A short label for traces ("generic", "domain").</summary>
    public string Label { get; init; } = "generic";

    /// <summary>The generic Debian model, rooted at <paramref name="modelDir"/> (its layout must be Debian's).</summary>
    public static PocketSphinxOptions FromModelDir(string modelDir) => new()
    {
        AcousticModel = Path.Combine(modelDir, "en-us"),
        Dictionary = Path.Combine(modelDir, "cmudict-en-us.dict"),
        LanguageModel = Path.Combine(modelDir, "en-us.lm.bin"),
    };

    /// <summary>Checks every file before pocketsphinx sees it, so a bad path is named instead of a NULL decoder.</summary>
    /// <exception cref="FileNotFoundException">A model file or folder is missing.</exception>
    public void Validate()
    {
        if (!Directory.Exists(AcousticModel))
        {
            throw new DirectoryNotFoundException($"pocketsphinx acoustic model folder '{AcousticModel}' does not exist (install pocketsphinx-en-us or fix AcousticModel)");
        }
        foreach (var part in new[] { "mdef", "means", "variances", "transition_matrices" })
        {
            var path = Path.Combine(AcousticModel, part);
            if (!File.Exists(path))
            {
                throw new FileNotFoundException($"pocketsphinx acoustic model '{AcousticModel}' is incomplete: '{part}' is missing", path);
            }
        }
        if (!File.Exists(Dictionary))
        {
            throw new FileNotFoundException($"pocketsphinx dictionary '{Dictionary}' does not exist", Dictionary);
        }
        if (!File.Exists(LanguageModel))
        {
            throw new FileNotFoundException($"pocketsphinx language model '{LanguageModel}' does not exist", LanguageModel);
        }
        if (CepstralMeanNormalization is not ("live" or "batch" or "none"))
        {
            throw new ArgumentException($"CepstralMeanNormalization must be live, batch or none, not '{CepstralMeanNormalization}'");
        }
    }
}
