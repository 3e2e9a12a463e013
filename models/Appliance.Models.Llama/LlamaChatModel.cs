using Appliance.Core.Dialog;

namespace Appliance.Models.Llama;

/// <summary>
/// <see cref="IChatModel"/> on llama.cpp: formats the conversation with the model's chat template
/// (ChatML when the GGUF has none, see <see cref="LlamaChatTemplate.Fallback"/>) and streams the reply
/// from one <see cref="LlamaContext"/>, whose cache keeps the persona and history of earlier turns.
/// </summary>
public sealed class LlamaChatModel : IChatModel
{
    private readonly bool _ownsModel;

    /// <param name="template">
    /// Overrides the model's template: a llama.cpp built-in name ("llama2", "chatml", "llama3", ...) or template
    /// text; null = the model's own, else <see cref="LlamaChatTemplate.Fallback"/>.
    /// </param>
    public LlamaChatModel(LlamaModel model, LlamaContextOptions? contextOptions = null, bool ownsModel = false, string? template = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        Model = model;
        _ownsModel = ownsModel;
        Template = template ?? model.ChatTemplate ?? LlamaChatTemplate.Fallback;
        UsesFallbackTemplate = template is null && model.ChatTemplate is null;
        Context = model.CreateContext(contextOptions);
    }

    public LlamaModel Model { get; }

    public LlamaContext Context { get; }

    /// <summary>The template in use: the model's own, or <see cref="LlamaChatTemplate.Fallback"/>.</summary>
    public string Template { get; }

    /// <summary>True when neither the caller nor the GGUF gave a template (then ChatML markers are also stop strings).</summary>
    public bool UsesFallbackTemplate { get; }

    public string Name => $"{Path.GetFileNameWithoutExtension(Model.Path)} {Model.FileType} {LlamaRuntime.Info?.Variant ?? "?"}";

    /// <summary>Timings of the last reply (prompt tokens evaluated vs reused, TTFT, tok/s).</summary>
    public GenerationTimings? LastTimings => Context.LastTimings;

    /// <summary>Loads a model and owns it.</summary>
    public static LlamaChatModel Open(string path, LlamaContextOptions? contextOptions = null, LlamaModelOptions? modelOptions = null, string? template = null)
    {
        var model = LlamaModel.Load(path, modelOptions);
        try
        {
            return new LlamaChatModel(model, contextOptions, ownsModel: true, template);
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }

    public int CountTokens(string text) => Model.CountTokens(text);

    /// <summary>The prompt text for a conversation (template applied, assistant turn opened).</summary>
    public string FormatPrompt(IReadOnlyList<ChatMessage> messages) => LlamaChatTemplate.Apply(Template, messages, addAssistant: true);

    /// <summary>
    /// Prompt tokens: special-token text in the template becomes control tokens; BOS is added when the
    /// vocabulary wants it, and a template that already wrote BOS does not get a second one.
    /// </summary>
    public int[] TokenizePrompt(IReadOnlyList<ChatMessage> messages)
    {
        var tokens = Model.Tokenize(FormatPrompt(messages), addSpecial: true, parseSpecial: true);
        return tokens.Length >= 2 && tokens[0] == Model.Bos && tokens[1] == Model.Bos ? tokens[1..] : tokens;
    }

    public IAsyncEnumerable<string> ChatAsync(IReadOnlyList<ChatMessage> messages, GenerationOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        ArgumentNullException.ThrowIfNull(options);
        if (messages.Count == 0 || messages[^1].Role != ChatRole.User)
        {
            throw new ArgumentException("a chat must end with a user message", nameof(messages));
        }
        var prompt = TokenizePrompt(messages);
        if (UsesFallbackTemplate)
        {
            options = options with { Stop = [.. options.Stop ?? [], .. LlamaChatTemplate.FallbackStops] };
        }
        return Context.GenerateAsync(prompt, options, cancellationToken);
    }

    public void Dispose()
    {
        Context.Dispose();
        if (_ownsModel)
        {
            Model.Dispose();
        }
    }
}
