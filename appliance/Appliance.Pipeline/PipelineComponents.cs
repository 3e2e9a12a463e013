using Appliance.Core.Audio;
using Appliance.Core.Speech;
using Appliance.Dialog;
using Appliance.Safety;

namespace Appliance.Pipeline;

/// <summary>
/// The engines and policies one conversation runs on: real ones live and in replay, fakes in tests.
/// The pipeline owns none of them (the composition root disposes them).
/// </summary>
public sealed record PipelineComponents(
    IVoiceActivityDetector Vad,
    ISpeechRecognizer Recognizer,
    DialogManager Dialog,
    InputGuard InputGuard,
    ComplianceFilter Compliance,
    ISpeechSynthesizer Synthesizer,
    IAudioPlayback Playback,
    IWakeWordDetector? WakeWord = null);
