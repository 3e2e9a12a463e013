namespace Appliance.Core.Dialog;

/// <summary>A language model that continues a chat, streaming text pieces as they are decoded.</summary>
public interface IChatModel : IDisposable
{
    /// <summary>Short description for status lines, e.g. "qwen2.5-0.5b q4_0 sapphirerapids".</summary>
    string Name { get; }

    /// <summary>Number of tokens <paramref name="text"/> costs in this model's vocabulary (for history budgets).</summary>
    int CountTokens(string text);

    /// <summary>
    /// Streams the assistant's reply to <paramref name="messages"/> (system first, then alternating
    /// user/assistant, ending with a user message). Cancelling stops decoding within one token.
    /// </summary>
    IAsyncEnumerable<string> ChatAsync(IReadOnlyList<ChatMessage> messages, GenerationOptions options, CancellationToken cancellationToken = default);
}

public enum ChatRole
{
    System,
    User,
    Assistant,
}

public sealed record ChatMessage(ChatRole Role, string Content)
{
    public string RoleName => Role switch
    {
        ChatRole.System => "system",
        ChatRole.User => "user",
        _ => "assistant",
    };
}

/// <param name="MaxTokens">Upper bound on generated tokens.</param>
/// <param name="Temperature">0 = greedy.</param>
/// <param name="TopK">0 = disabled.</param>
/// <param name="TopP">1 = disabled.</param>
/// <param name="RepetitionPenalty">1 = disabled.</param>
/// <param name="Seed">Sampling seed; null = random.</param>
/// <param name="Stop">Generation ends before any of these strings; they are not emitted.</param>
public sealed record GenerationOptions(
    int MaxTokens = 256,
    float Temperature = 0.7f,
    int TopK = 40,
    float TopP = 0.9f,
    float RepetitionPenalty = 1.1f,
    uint? Seed = null,
    IReadOnlyList<string>? Stop = null)
{
    public static GenerationOptions Greedy { get; } = new(Temperature: 0f, TopK: 0, TopP: 1f, RepetitionPenalty: 1f);
}
