namespace Appliance.Models.Sherpa.Tests.Asr;

/// <summary>The stand-in SenseVoice model (make_tiny_sense_voice.py): neural ASR weights are not available here.</summary>
public sealed class TinySenseVoiceFixture() : StandInModel("Asr/make_tiny_sense_voice.py");
