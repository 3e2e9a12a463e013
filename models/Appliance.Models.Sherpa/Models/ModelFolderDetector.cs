namespace Appliance.Models.Sherpa.Models;

/// <summary>
/// Decides which sherpa-onnx family a provisioned folder holds from its file names (the layouts of
/// the official release archives) and, where names are shared between families, the ONNX
/// metadata sherpa's exporters write. An incomplete folder yields a <see cref="SherpaModelException"/>
/// listing every missing file; several families being equally plausible is also an error, never a guess.
/// </summary>
public static class ModelFolderDetector
{
    /// <summary>Debian's espeak-ng-data, used when a Piper/VITS folder does not bring its own.</summary>
    public const string SystemEspeakData = "/usr/lib/x86_64-linux-gnu/espeak-ng-data";

    public static SherpaModelFolder Detect(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new SherpaModelException($"model folder '{directory}' does not exist");
        }
        var folder = new FolderView(Path.GetFullPath(directory));
        var candidates = Candidates(folder).ToList();
        if (candidates.Count == 0)
        {
            throw new SherpaModelException(
                $"'{directory}' is not a sherpa-onnx model folder; it holds: {folder.Listing()}. Expected the files of one of: " +
                string.Join(", ", Enum.GetNames<SherpaModelKind>()));
        }
        var complete = candidates.Where(c => c.Missing.Count == 0).ToList();
        if (complete.Count == 1)
        {
            var c = complete[0];
            return new SherpaModelFolder(c.Kind, folder.Path, c.Files, c.Evidence);
        }
        if (complete.Count > 1)
        {
            throw new SherpaModelException(
                $"'{directory}' fits several model families ({string.Join(", ", complete.Select(c => $"{c.Kind}: {c.Evidence}"))}); " +
                "keep one model per folder or add the family to the folder name (e.g. sherpa-onnx-sense-voice-...)");
        }
        throw new SherpaModelException(string.Join("; ", candidates.Select(c =>
            $"'{directory}' looks like a {c.Kind} model ({c.Evidence}) but is missing: {string.Join(", ", c.Missing)}")));
    }

    private sealed record Candidate(SherpaModelKind Kind, string Evidence, Dictionary<string, string> Files, List<string> Missing);

    private static IEnumerable<Candidate> Candidates(FolderView f)
    {
        var name = Path.GetFileName(f.Path).ToLowerInvariant();
        var onnx = f.Onnx();

        // Transducer: encoder + decoder + joiner. Streaming if the encoder is chunked (zipformer
        // exporters write decode_chunk_len / T) or the folder says so.
        var joiner = f.Find("joiner");
        if (joiner is not null)
        {
            var encoder = f.Find("encoder");
            var meta = encoder is null ? Empty : OnnxMetadata.Read(encoder);
            var streaming = meta.ContainsKey("decode_chunk_len") || meta.ContainsKey("T") || name.Contains("streaming", StringComparison.Ordinal);
            var kind = streaming ? SherpaModelKind.OnlineTransducer : SherpaModelKind.Transducer;
            yield return Build(kind, streaming ? "joiner + chunked encoder" : "joiner file", f,
                ("transducer.encoder", "encoder*.onnx", encoder),
                ("transducer.decoder", "decoder*.onnx", f.Find("decoder")),
                ("transducer.joiner", "joiner*.onnx", joiner),
                ("tokens", "tokens.txt", f.Tokens()));
            yield break;
        }

        // Moonshine: its decoder file names are unique to it.
        if (f.Find("uncached_decode") is not null || f.Find("cached_decode") is not null || f.Find("preprocess") is not null)
        {
            yield return Build(SherpaModelKind.Moonshine, "moonshine v1 file names", f,
                ("moonshine.preprocessor", "preprocess*.onnx", f.Find("preprocess")),
                ("moonshine.encoder", "encode*.onnx", f.Find("encode")),
                ("moonshine.uncached_decoder", "uncached_decode*.onnx", f.Find("uncached_decode")),
                ("moonshine.cached_decoder", "cached_decode*.onnx", f.Find("cached_decode")),
                ("tokens", "tokens.txt", f.Tokens()));
            yield break;
        }
        if (f.Find("merged_decode") is not null)
        {
            yield return Build(SherpaModelKind.Moonshine, "moonshine v2 file names", f,
                ("moonshine.encoder", "encode*.onnx", f.Find("encode")),
                ("moonshine.merged_decoder", "merged_decode*.onnx", f.Find("merged_decode")),
                ("tokens", "tokens.txt", f.Tokens()));
            yield break;
        }

        // Whisper: encoder + decoder without a joiner; packages name tokens "<size>-tokens.txt".
        var whisperEncoder = f.Find("encoder");
        var whisperTokens = f.Tokens();
        if (whisperEncoder is not null || name.Contains("whisper", StringComparison.Ordinal))
        {
            yield return Build(SherpaModelKind.Whisper, "encoder/decoder without joiner", f,
                ("whisper.encoder", "*encoder*.onnx", whisperEncoder),
                ("whisper.decoder", "*decoder*.onnx", f.Find("decoder")),
                ("tokens", "*tokens.txt", whisperTokens));
            yield break;
        }

        // TTS families.
        var vocoder = onnx.FirstOrDefault(IsVocoder);
        if (vocoder is not null || name.Contains("matcha", StringComparison.Ordinal))
        {
            var acoustic = Prefer(onnx.Where(p => !IsVocoder(p)));
            var lexicon = f.File("lexicon.txt");
            var espeak = f.Dir("espeak-ng-data");
            var files = new List<(string, string, string?)>
            {
                ("matcha.acoustic_model", "acoustic model *.onnx (not the vocoder)", acoustic),
                ("matcha.vocoder", "vocos*/hifigan*/vocoder*.onnx", vocoder),
                ("matcha.tokens", "tokens.txt", f.Tokens()),
                // English Matcha uses espeak-ng, Chinese ones a lexicon: either will do.
                (lexicon is not null ? "matcha.lexicon" : "matcha.data_dir", "espeak-ng-data/ or lexicon.txt", lexicon ?? espeak),
            };
            yield return Build(SherpaModelKind.Matcha, vocoder is null ? "folder name" : "vocoder file", f, [.. files]);
            yield break;
        }
        var voices = f.File("voices.bin");
        if (voices is not null || name.Contains("kokoro", StringComparison.Ordinal))
        {
            yield return Build(SherpaModelKind.Kokoro, voices is null ? "folder name" : "voices.bin", f,
                ("kokoro.model", "model*.onnx", Prefer(onnx)),
                ("kokoro.voices", "voices.bin", voices),
                ("kokoro.tokens", "tokens.txt", f.Tokens()),
                ("kokoro.data_dir", "espeak-ng-data/", f.Dir("espeak-ng-data")));
            yield break;
        }

        // One model + tokens: Piper/VITS, SenseVoice or Paraformer, told apart by metadata.
        var single = Prefer(onnx);
        var metadata = single is null ? Empty : OnnxMetadata.Read(single);
        var isPiper = metadata.GetValueOrDefault("comment") == "piper" || metadata.GetValueOrDefault("model_type") == "vits"
            || name.Contains("piper", StringComparison.Ordinal) || name.Contains("vits", StringComparison.Ordinal);
        if (isPiper)
        {
            var espeak = f.Dir("espeak-ng-data") ?? (Directory.Exists(SystemEspeakData) ? SystemEspeakData : null);
            yield return Build(SherpaModelKind.PiperVits, metadata.ContainsKey("comment") ? $"metadata comment={metadata["comment"]}" : "model_type/folder name", f,
                ("vits.model", "*.onnx", single),
                ("vits.tokens", "tokens.txt", f.Tokens()),
                ("vits.data_dir", $"espeak-ng-data/ (or {SystemEspeakData})", espeak));
        }
        var isSenseVoice = metadata.ContainsKey("with_itn") || metadata.ContainsKey("lang_zh")
            || name.Contains("sense-voice", StringComparison.Ordinal) || name.Contains("sensevoice", StringComparison.Ordinal);
        if (isSenseVoice)
        {
            yield return Build(SherpaModelKind.SenseVoice, metadata.ContainsKey("with_itn") ? "metadata with_itn" : "folder name", f,
                ("sense_voice.model", "model*.onnx", single),
                ("tokens", "tokens.txt", f.Tokens()));
        }
        var isParaformer = !isSenseVoice && !isPiper && (metadata.ContainsKey("lfr_window_size") || name.Contains("paraformer", StringComparison.Ordinal));
        if (isParaformer)
        {
            yield return Build(SherpaModelKind.Paraformer, metadata.ContainsKey("lfr_window_size") ? "metadata lfr_window_size" : "folder name", f,
                ("paraformer.model", "model*.onnx", single),
                ("tokens", "tokens.txt", f.Tokens()));
        }
    }

    private static readonly IReadOnlyDictionary<string, string> Empty = new Dictionary<string, string>();

    private static bool IsVocoder(string path)
    {
        var n = Path.GetFileName(path).ToLowerInvariant();
        return n.Contains("vocos", StringComparison.Ordinal) || n.Contains("hifigan", StringComparison.Ordinal) || n.Contains("vocoder", StringComparison.Ordinal);
    }

    /// <summary>int8 weights first (they are what runs fast on the kiosk CPU), then the rest by name.</summary>
    internal static string? Prefer(IEnumerable<string> paths) =>
        paths.OrderByDescending(p => Path.GetFileName(p).Contains(".int8.", StringComparison.Ordinal))
             .ThenBy(p => p, StringComparer.Ordinal)
             .FirstOrDefault();

    private static Candidate Build(SherpaModelKind kind, string evidence, FolderView f, params (string Role, string Pattern, string? Path)[] roles)
    {
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        var missing = new List<string>();
        foreach (var (role, pattern, path) in roles)
        {
            if (path is null)
            {
                missing.Add($"{role} ({pattern})");
            }
            else
            {
                files[role] = path;
            }
        }
        return new Candidate(kind, evidence, files, missing);
    }
}
