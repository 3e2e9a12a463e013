namespace Appliance.Models.Sherpa.Tests.Asr;

/// <summary>The stand-in streaming transducer (make_tiny_streaming_transducer.py): says "YES" at every sound onset.</summary>
public sealed class TinyStreamingTransducerFixture() : StandInModel("Asr/make_tiny_streaming_transducer.py");
