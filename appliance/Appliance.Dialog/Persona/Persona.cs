namespace Appliance.Dialog.Persona;

/// <summary>
/// Who the kiosk is: name, speaking style, default language, the rules the model must keep, and the
/// fixed lines it says itself (deflections, "I don't know", replacements) in every language it speaks.
/// </summary>
public sealed record PersonaProfile
{
    public required string Name { get; init; }

    public required string Style { get; init; }

    /// <summary>BCP 47 language used until the visitor speaks another one.</summary>
    public string Language { get; init; } = "en";

    public IReadOnlyList<string> Rules { get; init; } = [];

    /// <summary>
    /// An operator's own opening of the system prompt (the admin API's persona.systemPrompt); null =
    /// "You are {Name}, {Style}." The reply-format line, rules, tag protocol and injection guard follow either way.
    /// </summary>
    public string? SystemPrompt { get; init; }

    /// <summary>Said when the input guard refuses an utterance.</summary>
    public required LocalizedText Deflection { get; init; }

    /// <summary>Said when no knowledge matches well enough and there is no LLM.</summary>
    public required LocalizedText DontKnow { get; init; }

    /// <summary>Spoken instead of a sentence the compliance filter blocked.</summary>
    public required LocalizedText BlockedSentence { get; init; }

    /// <summary>Said for an utterance too long to handle.</summary>
    public required LocalizedText TooLong { get; init; }

    public static PersonaProfile Default { get; } = new()
    {
        Name = "Nova",
        Style = "a cheerful, concise guide at the Aurora Robotics exhibition booth",
        Language = "en",
        Rules =
        [
            "Only talk about the booth, its products, the exhibition and polite small talk.",
            "Never give medical, legal or financial advice; never read out phone numbers, e-mail addresses or links.",
            "If you do not know, say so and point the visitor to the staff at the info desk.",
            "Keep every reply under three short sentences.",
        ],
        Deflection = new("[neutral] Sorry, I can't help with that. Shall I tell you about our robots instead? <gesture:bow>",
            "[neutral] 抱歉，这个问题我不能回答。要不要听我介绍一下我们的机器人？<gesture:bow>"),
        DontKnow = new("[thinking] Sorry, I don't know that one. The staff at the info desk will be glad to help.",
            "[thinking] 抱歉，这个我还不知道。可以问问服务台的工作人员哦。"),
        BlockedSentence = new("Let's talk about something else.", "我们换个话题吧。"),
        TooLong = new("[neutral] That was a lot! Could you ask me one short question at a time?",
            "[neutral] 内容有点多，可以一次问我一个简短的问题吗？"),
    };
}
