using System.Diagnostics;
using System.Text;
using Appliance.Core.Dialog;
using Appliance.Models.Llama.Native;

namespace Appliance.Models.Llama;

/// <summary>LlamaContext: the synchronous generation loop (prefill, sample, decode, stop conditions, timings).</summary>
public sealed unsafe partial class LlamaContext
{
    /// <summary>
    /// Synchronous core: reuse the common prefix, prefill the rest, then sample/decode until EOG, max tokens,
    /// a stop string, a full context or cancellation (returned as <see cref="FinishReason.Cancelled"/>).
    /// <paramref name="onText"/> receives text pieces as they become final.
    /// </summary>
    public CompletionResult Generate(IReadOnlyList<int> prompt, GenerationOptions options, Action<string>? onText = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        ArgumentNullException.ThrowIfNull(options);
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (prompt.Count == 0)
        {
            throw new ArgumentException("the prompt has no tokens", nameof(prompt));
        }
        if (prompt.Count >= ContextLength)
        {
            throw new ArgumentException($"the prompt has {prompt.Count} tokens but the context holds {ContextLength}", nameof(prompt));
        }
        if (options.MaxTokens < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.MaxTokens, "MaxTokens must be >= 0");
        }
        // A free context starts even with a cancelled token: the abort flag then stops the first llama_decode,
        // which leaves the cache consistent (and is how the abort path is tested).
        if (!_busy.Wait(0))
        {
            _busy.Wait(cancellationToken);
        }
        try
        {
            Volatile.Write(ref *_abortFlag, 0);
            using var registration = cancellationToken.Register(static f => Volatile.Write(ref *(int*)(IntPtr)f!, 1), (IntPtr)_abortFlag);
            return Run(prompt, options, onText, cancellationToken);
        }
        finally
        {
            _busy.Release();
        }
    }

    private CompletionResult Run(IReadOnlyList<int> prompt, GenerationOptions options, Action<string>? onText, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var reused = PrepareCache(prompt);
        var prefillStart = clock.Elapsed.TotalMilliseconds;
        var reason = Prefill(prompt, reused);
        var prefillMs = clock.Elapsed.TotalMilliseconds - prefillStart;
        var evaluated = Count - reused;
        var generated = new List<int>();
        var text = new StringBuilder();
        double firstTokenMs = 0, lastTokenMs = 0;
        if (reason is null && options.MaxTokens == 0)
        {
            reason = FinishReason.MaxTokens;
        }
        if (reason is null)
        {
            using var sampler = LlamaSampler.Create(options, Model.VocabSize);
            if (options.RepetitionPenalty != 1f)
            {
                for (var i = Math.Max(0, prompt.Count - LlamaSampler.PenaltyWindow); i < prompt.Count; i++)
                {
                    LlamaNative.llama_sampler_accept(sampler, prompt[i]);
                }
            }
            var utf8 = new Utf8PieceDecoder();
            var stops = new StopStringFilter(options.Stop ?? []);
            void Emit(string s)
            {
                if (s.Length > 0)
                {
                    text.Append(s);
                    onText?.Invoke(s);
                }
            }
            while (true)
            {
                if (ct.IsCancellationRequested || Volatile.Read(ref _disposing))
                {
                    reason = FinishReason.Cancelled;
                    break;
                }
                var token = LlamaNative.llama_sampler_sample(sampler, _handle, -1);
                lastTokenMs = clock.Elapsed.TotalMilliseconds;
                if (generated.Count == 0)
                {
                    firstTokenMs = lastTokenMs;
                }
                if (Model.IsEndOfGeneration(token))
                {
                    reason = FinishReason.EndOfGeneration;
                    break;
                }
                generated.Add(token);
                Emit(stops.Push(utf8.Push(Model.TokenToPiece(token))));
                if (stops.Stopped)
                {
                    reason = FinishReason.StopString;
                    break;
                }
                if (generated.Count >= options.MaxTokens)
                {
                    reason = FinishReason.MaxTokens;
                    break;
                }
                if (Count >= ContextLength)
                {
                    reason = FinishReason.ContextFull;
                    break;
                }
                if (ct.IsCancellationRequested || Volatile.Read(ref _disposing))
                {
                    reason = FinishReason.Cancelled;
                    break;
                }
                reason = DecodeChunk([token], 0, 1, wantLastLogits: true);
                if (reason is not null)
                {
                    break;
                }
            }
            if (reason is not FinishReason.Cancelled and not FinishReason.StopString)
            {
                Emit(stops.Push(utf8.Flush()));
                Emit(stops.Flush());
            }
        }
        var timings = new GenerationTimings(prompt.Count, evaluated, reused, generated.Count,
            firstTokenMs, prefillMs, Math.Max(0, lastTokenMs - firstTokenMs), clock.Elapsed.TotalMilliseconds, reason!.Value);
        LastTimings = timings;
        return new CompletionResult(text.ToString(), generated, timings);
    }
}
