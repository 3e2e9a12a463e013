using Appliance.Models.EspeakNg;

namespace Appliance.Models.PocketSphinx.Tests;

/// <summary>
/// One generic-model recogniser and one synthesiser for all engine tests: loading en-us.lm.bin costs seconds of
/// CPU, and the decoder serves one utterance at a time anyway (the collection runs its tests in sequence).
/// </summary>
public sealed class RecognizerFixture : IDisposable
{
    public RecognizerFixture()
    {
        Generic = PocketSphinxRecognizer.Create();
        Tts = EspeakSynthesizer.Create();
    }

    public PocketSphinxRecognizer Generic { get; }

    public EspeakSynthesizer Tts { get; }

    public void Dispose()
    {
        Generic.Dispose();
        Tts.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class EngineCollection : ICollectionFixture<RecognizerFixture>
{
    public const string Name = "pocketsphinx engine";
}
