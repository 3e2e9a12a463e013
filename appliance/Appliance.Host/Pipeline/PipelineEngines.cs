using Appliance.Core.Audio;
using Appliance.Core.Dialog;
using Appliance.Core.Speech;
using Appliance.Dialog;
using Appliance.Dialog.Knowledge;
using Appliance.Dialog.Persona;
using Appliance.Models.EspeakNg;
using Appliance.Models.Gguf.Synthetic;
using Appliance.Models.Llama;
using Appliance.Models.Llama.Bench;
using Appliance.Models.PocketSphinx;
using Appliance.Models.Sherpa.Asr;
using Appliance.Models.Sherpa.Models;
using Appliance.Models.Sherpa.Tts;
using Appliance.Models.Sherpa.Vad;
using Appliance.Pipeline;
using Appliance.Safety;

namespace Appliance.Host.Pipeline;

/// <summary>
/// The real engines behind the conversation pipeline, composed once: silero VAD (sherpa-onnx),
/// pocketsphinx ASR and espeak-ng TTS (the embedded defaults), the knowledge-base responder or a
/// llama.cpp model, and the shipped safety lists and sample knowledge.
/// </summary>
internal sealed class PipelineEngines : IDisposable
{
    private PipelineEngines(ISpeechRecognizer recognizer, ISpeechSynthesizer synthesizer, IChatModel model, KnowledgeBase knowledge,
        SafetyLists lists, PipelineEngineOptions options, string? vadModel)
    {
        VadModel = vadModel;
        Recognizer = recognizer;
        Synthesizer = synthesizer;
        Model = model;
        Knowledge = knowledge;
        Lists = lists;
        Options = options;
    }

    public ISpeechRecognizer Recognizer { get; }

    public ISpeechSynthesizer Synthesizer { get; }

    public IChatModel Model { get; }

    public KnowledgeBase Knowledge { get; }

    public SafetyLists Lists { get; }

    public PipelineEngineOptions Options { get; }

    /// <summary>A provisioned silero model (models/vad/*.onnx) that loaded, else null for the bundled one.</summary>
    public string? VadModel { get; }

    public static PipelineEngines Create(PipelineEngineOptions options, Action<string> log)
    {
        var knowledge = options.Knowledge is null ? KnowledgeBase.LoadDefault() : KnowledgeBase.Load(options.Knowledge);
        var lists = SafetyLists.LoadDefault();
        var recognizer = CreateRecognizer(options, log);
        var synthesizer = CreateSynthesizer(options, log);
        IChatModel model = options.Llm switch
        {
            "kb" => new KnowledgeResponder(knowledge, PersonaProfile.Default),
            "synthetic" => OpenLlm(SyntheticModels.Ensure(ModelShape.Qwen25_05B, "q4_0", log: log), options),
            var path => OpenLlm(path, options),
        };
        var vadModel = ProvisionedVad(options, log);
        log($"pipeline engines: vad {(vadModel is null ? "silero" : $"silero ({Path.GetFileName(vadModel)}, provisioned)")}, asr {recognizer.Name}, tts {synthesizer.Name}, dialog {model.Name}");
        return new PipelineEngines(recognizer, synthesizer, model, knowledge, lists, options, vadModel);
    }

    /// <summary>A provisioned silero model when models/vad holds one that loads; otherwise (none, or unusable: logged) null.</summary>
    private static string? ProvisionedVad(PipelineEngineOptions options, Action<string> log)
    {
        if (options.ProvisionedModels("vad").FirstOrDefault() is not { } path)
        {
            return null;
        }
        try
        {
            new SherpaVoiceActivityDetector(new SileroVadOptions(path)).Dispose();
            return path;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            log($"vad: the provisioned model {path} cannot be used ({e.Message}); using the bundled silero");
            return null;
        }
    }

    /// <summary>A provisioned sherpa-onnx recogniser when models/asr holds one, else pocketsphinx (embedded default).</summary>
    private static ISpeechRecognizer CreateRecognizer(PipelineEngineOptions options, Action<string> log)
    {
        if (options.ProvisionedFolder("asr") is not { } dir)
        {
            return PocketSphinxRecognizer.Create();
        }
        var model = ModelFolderDetector.Detect(dir);
        if (!model.IsRecognizer)
        {
            throw new SherpaModelException($"{dir}: holds a {model.Kind} model, which is not a speech recogniser (check the role in provisioning.yaml)");
        }
        log($"asr: provisioned {model.Kind} model in {dir}");
        return model.IsStreaming ? new SherpaOnlineRecognizer(model) : new SherpaOfflineRecognizer(model);
    }

    /// <summary>A provisioned sherpa-onnx voice when models/tts holds one, else espeak-ng (embedded default).</summary>
    private static ISpeechSynthesizer CreateSynthesizer(PipelineEngineOptions options, Action<string> log)
    {
        if (options.ProvisionedFolder("tts") is not { } dir)
        {
            return EspeakSynthesizer.Create();
        }
        var model = ModelFolderDetector.Detect(dir);
        if (!model.IsSynthesizer)
        {
            throw new SherpaModelException($"{dir}: holds a {model.Kind} model, which is not a voice (check the role in provisioning.yaml)");
        }
        log($"tts: provisioned {model.Kind} voice in {dir}");
        return new SherpaSynthesizer(model);
    }

    private static LlamaChatModel OpenLlm(string path, PipelineEngineOptions options)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"--llm: '{path}' is not 'kb', 'synthetic' or an existing GGUF file");
        }
        return LlamaChatModel.Open(path, new LlamaContextOptions { ContextLength = 2048, Threads = options.Threads });
    }

    /// <summary>A fresh conversation (VAD state, history) on these engines, speaking through <paramref name="playback"/>.</summary>
    public PipelineComponents Build(IAudioPlayback playback) => Build(playback, null, null);

    /// <summary>As <see cref="Build(IAudioPlayback)"/>, with the configured persona and a wake-word detector.</summary>
    /// <param name="persona">The dialog's own persona (turns may be given another one through PipelineOptions.Profile); null = the bundled one.</param>
    /// <param name="wakeWord">The wake-word detector fed by the conversation loop; null = none.</param>
    public PipelineComponents Build(IAudioPlayback playback, PersonaProfile? persona, IWakeWordDetector? wakeWord)
    {
        var vad = new SherpaVoiceActivityDetector(new SileroVadOptions(VadModel, MinSilenceSeconds: Options.EndpointMs / 1000f));
        var generation = new GenerationOptions(MaxTokens: Options.MaxTokens, Temperature: 0f, TopK: 0, TopP: 1f, RepetitionPenalty: 1f);
        var dialog = new DialogManager(persona ?? PersonaProfile.Default, Knowledge, Model, new DialogOptions(Generation: generation));
        return new PipelineComponents(vad, Recognizer, dialog, new InputGuard(Lists), new ComplianceFilter(Lists), Synthesizer, playback, wakeWord);
    }

    public void Dispose()
    {
        Recognizer.Dispose();
        Synthesizer.Dispose();
        Model.Dispose();
    }
}
