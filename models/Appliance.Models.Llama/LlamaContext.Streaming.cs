using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Appliance.Core.Dialog;

namespace Appliance.Models.Llama;

/// <summary>LlamaContext: the streaming API (decoding on a dedicated thread, pieces through a channel).</summary>
public sealed unsafe partial class LlamaContext
{
    /// <summary>
    /// Streams the continuation of <paramref name="prompt"/>. Decoding runs on its own thread; cancelling
    /// stops it within one token (the abort callback also interrupts a long prefill) and then throws
    /// <see cref="OperationCanceledException"/>. Leaving the loop early stops decoding the same way.
    /// </summary>
    public async IAsyncEnumerable<string> GenerateAsync(IReadOnlyList<int> prompt, GenerationOptions options,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        ArgumentNullException.ThrowIfNull(options);
        var tokens = prompt.ToArray();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var channel = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        var finished = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                Generate(tokens, options, s => channel.Writer.TryWrite(s), stop.Token);
                channel.Writer.TryComplete();
            }
            catch (Exception e)
            {
                channel.Writer.TryComplete(e);
            }
            finally
            {
                finished.SetResult();
            }
        })
        {
            IsBackground = true,
            Name = "llama-decode",
        };
        thread.Start();
        try
        {
            await foreach (var piece in channel.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                if (cancellationToken.IsCancellationRequested)
                {
                    break; // pieces decoded ahead of a slow reader are dropped once it cancels
                }
                yield return piece;
            }
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await finished.Task.ConfigureAwait(false); // the context is free again once this returns
        }
        cancellationToken.ThrowIfCancellationRequested();
    }
}
