using System.Runtime.CompilerServices;
using Appliance.Core.Dialog;

namespace Appliance.TestSupport.Fakes;

/// <summary>
/// A scripted LLM: streams each reply in small pieces. A reply may contain <see cref="Hold"/>: the
/// stream stops there until cancelled (an LLM still decoding when the user barges in).
/// Records the prompts it got and whether a stream was cancelled.
/// </summary>
public sealed class FakeChatModel(params string[] replies) : IChatModel
{
    public const string Hold = "\u0001HOLD\u0001";

    private readonly Queue<string> _replies = new(replies);

    public string Name => "fake llm";

    public List<IReadOnlyList<ChatMessage>> Prompts { get; } = [];

    public int Cancellations;

    public int CountTokens(string text) => Math.Max(1, text.Length / 4);

    public async IAsyncEnumerable<string> ChatAsync(IReadOnlyList<ChatMessage> messages, GenerationOptions options,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        string reply;
        lock (Prompts)
        {
            Prompts.Add(messages);
            reply = _replies.TryDequeue(out var r) ? r : "[neutral] I have nothing more to say.";
        }
        var parts = reply.Split(Hold);
        for (var p = 0; p < parts.Length; p++)
        {
            for (var i = 0; i < parts[p].Length; i += 3)
            {
                cancellationToken.ThrowIfCancellationRequested();
                yield return parts[p].Substring(i, Math.Min(3, parts[p].Length - i));
                await Task.Yield();
            }
            if (p < parts.Length - 1)
            {
                try
                {
                    await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
                }
                finally
                {
                    Interlocked.Increment(ref Cancellations);
                }
            }
        }
    }

    public void Dispose()
    {
    }
}
