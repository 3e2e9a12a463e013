using System.Runtime.InteropServices;
using System.Text;
using Appliance.Core.Dialog;
using Appliance.Models.Llama.Native;

namespace Appliance.Models.Llama;

/// <summary>
/// Formats a conversation with llama_chat_apply_template. llama.cpp does not run Jinja here: it recognises
/// the model's template (or a built-in name such as "chatml", "llama2") and formats natively.
/// </summary>
public static unsafe class LlamaChatTemplate
{
    /// <summary>
    /// Used when the GGUF carries no tokenizer.chat_template (e.g. stories260K): ChatML, the same default
    /// llama-server falls back to. Its markers are plain text for such vocabularies, so the chat session
    /// also stops on <see cref="FallbackStops"/>.
    /// </summary>
    public const string Fallback = "chatml";

    public static IReadOnlyList<string> FallbackStops { get; } = ["<|im_end|>", "<|im_start|>"];

    /// <summary>The prompt text for <paramref name="messages"/>; addAssistant opens the assistant's turn.</summary>
    /// <exception cref="LlamaException">llama.cpp does not know the template.</exception>
    public static string Apply(string template, IReadOnlyList<ChatMessage> messages, bool addAssistant = true)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(messages);
        var strings = new List<IntPtr>();
        try
        {
            var tmpl = Utf8z(template, strings);
            var chat = new llama_chat_message[messages.Count];
            var chars = 0;
            for (var i = 0; i < messages.Count; i++)
            {
                chat[i].role = (byte*)Utf8z(messages[i].RoleName, strings);
                chat[i].content = (byte*)Utf8z(messages[i].Content, strings);
                chars += messages[i].Content.Length;
            }
            var buffer = new byte[Math.Max(256, 2 * (chars * 3 + 64 * messages.Count))];
            for (var attempt = 0; attempt < 2; attempt++)
            {
                int n;
                fixed (llama_chat_message* c = chat)
                fixed (byte* b = buffer)
                {
                    n = LlamaNative.llama_chat_apply_template((byte*)tmpl, c, (nuint)chat.Length, addAssistant, b, buffer.Length);
                }
                if (n < 0)
                {
                    throw new LlamaException($"llama_chat_apply_template does not support this template ({Describe(template)})");
                }
                if (n <= buffer.Length)
                {
                    return Encoding.UTF8.GetString(buffer, 0, n);
                }
                buffer = new byte[n];
            }
            throw new LlamaException("llama_chat_apply_template kept growing its output");
        }
        finally
        {
            foreach (var p in strings)
            {
                Marshal.FreeHGlobal(p);
            }
        }
    }

    private static string Describe(string template) =>
        template.Length <= 40 ? $"'{template}'" : $"'{template[..40]}...' ({template.Length} chars)";

    private static IntPtr Utf8z(string s, List<IntPtr> owned)
    {
        var bytes = Encoding.UTF8.GetByteCount(s);
        var p = Marshal.AllocHGlobal(bytes + 1);
        owned.Add(p);
        var span = new Span<byte>((void*)p, bytes + 1);
        Encoding.UTF8.GetBytes(s, span);
        span[bytes] = 0;
        return p;
    }
}
