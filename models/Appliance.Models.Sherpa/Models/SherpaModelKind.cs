namespace Appliance.Models.Sherpa.Models;

/// <summary>The sherpa-onnx model families the appliance can load from a provisioned folder.</summary>
public enum SherpaModelKind
{
    /// <summary>Offline SenseVoice (zh/en/ja/ko/yue), one model + tokens.</summary>
    SenseVoice,

    /// <summary>Offline Whisper: encoder + decoder + tokens.</summary>
    Whisper,

    /// <summary>Offline Paraformer, one model + tokens.</summary>
    Paraformer,

    /// <summary>Offline Moonshine: preprocessor/encoder/uncached/cached decoders (v1) or encoder + merged decoder (v2).</summary>
    Moonshine,

    /// <summary>Offline transducer (zipformer etc.): encoder + decoder + joiner + tokens.</summary>
    Transducer,

    /// <summary>Streaming transducer: same files as <see cref="Transducer"/>, chunked encoder.</summary>
    OnlineTransducer,

    /// <summary>Piper / VITS TTS: model + tokens + espeak-ng-data.</summary>
    PiperVits,

    /// <summary>Matcha TTS: acoustic model + vocoder + tokens (+ espeak-ng-data or lexicon).</summary>
    Matcha,

    /// <summary>Kokoro TTS: model + voices.bin + tokens + espeak-ng-data.</summary>
    Kokoro,
}
