namespace Appliance.Models.Sherpa.Tests.Tts;

/// <summary>The stand-in Piper voice (make_tiny_piper.py): neural TTS weights are not available here.</summary>
public sealed class TinyPiperFixture() : StandInModel("Tts/make_tiny_piper.py");
