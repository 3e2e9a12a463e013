using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using System.Threading.Channels;
using Appliance.Core.Dialog;
using Appliance.Models.Llama.Native;

namespace Appliance.Models.Llama;

/// <summary>
/// One KV cache (sequence 0) on a model, used by one generation at a time. It remembers which tokens its
/// cells hold, so a new prompt that starts like the previous one (persona, history) only decodes the part
/// that differs: the longest common token prefix is kept and the rest removed with llama_memory_seq_rm.
/// </summary>
public sealed unsafe partial class LlamaContext : IDisposable
{
    private const int Seq = 0;
    private readonly SafeLlamaContextHandle _handle;
    private readonly IntPtr _memory; // owned by the context
    private readonly llama_batch _batch;
    private readonly int _batchCapacity;
    private readonly int* _abortFlag; // read by the native abort callback during llama_decode
    private readonly List<int> _evaluated = [];
    private readonly SemaphoreSlim _busy = new(1, 1);
    private bool _disposed;

    internal LlamaContext(LlamaModel model, LlamaContextOptions options)
    {
        Model = model;
        var threads = options.Threads ?? Environment.ProcessorCount;
        var p = LlamaNative.llama_context_default_params();
        p.n_ctx = (uint)(options.ContextLength ?? Math.Min(model.TrainContextLength > 0 ? model.TrainContextLength : 4096, 4096));
        _batchCapacity = Math.Max(1, Math.Min(options.BatchSize, (int)p.n_ctx));
        p.n_batch = (uint)_batchCapacity;
        p.n_ubatch = (uint)_batchCapacity;
        p.n_seq_max = 1;
        p.n_threads = threads;
        p.n_threads_batch = options.BatchThreads ?? threads;
        _abortFlag = (int*)NativeMemory.AllocZeroed(sizeof(int));
        p.abort_callback = (IntPtr)(delegate* unmanaged[Cdecl]<void*, byte>)&OnAbort;
        p.abort_callback_data = (IntPtr)_abortFlag;
        try
        {
            _handle = SafeLlamaContextHandle.Create(model.Handle, p);
        }
        catch
        {
            NativeMemory.Free(_abortFlag);
            throw;
        }
        _memory = LlamaNative.llama_get_memory(_handle);
        ContextLength = (int)LlamaNative.llama_n_ctx(_handle);
        Threads = threads;
        _batch = LlamaNative.llama_batch_init(_batchCapacity, 0, 1);
    }

    public LlamaModel Model { get; }

    public SafeLlamaContextHandle Handle => _handle;

    /// <summary>Tokens of context actually allocated (llama_n_ctx).</summary>
    public int ContextLength { get; }

    public int Threads { get; }

    /// <summary>Timings of the last finished generation, or null.</summary>
    public GenerationTimings? LastTimings { get; private set; }

    /// <summary>The tokens whose KV cells this context holds, in position order.</summary>
    public IReadOnlyList<int> EvaluatedTokens
    {
        get
        {
            lock (_evaluated)
            {
                return _evaluated.ToArray();
            }
        }
    }

    /// <summary>Plain completion: tokenizes with BOS and continues it.</summary>
    public CompletionResult Complete(string prompt, GenerationOptions options, CancellationToken cancellationToken = default) =>
        Generate(Model.Tokenize(prompt, addSpecial: true), options, null, cancellationToken);

    /// <summary>Streaming plain completion (decodes on a dedicated thread).</summary>
    public IAsyncEnumerable<string> CompleteAsync(string prompt, GenerationOptions options, CancellationToken cancellationToken = default) =>
        GenerateAsync(Model.Tokenize(prompt, addSpecial: true), options, cancellationToken);

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
        _busy.Wait(cancellationToken);
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
                if (ct.IsCancellationRequested)
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
                if (ct.IsCancellationRequested)
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
        var timings = new GenerationTimings(prompt.Count, prompt.Count - reused, reused, generated.Count,
            firstTokenMs, prefillMs, Math.Max(0, lastTokenMs - firstTokenMs), clock.Elapsed.TotalMilliseconds, reason!.Value);
        LastTimings = timings;
        return new CompletionResult(text.ToString(), generated, timings);
    }

    private int Count
    {
        get
        {
            lock (_evaluated)
            {
                return _evaluated.Count;
            }
        }
    }

    /// <summary>Keeps the longest common prefix of the cache and the prompt; returns how many tokens are reused.</summary>
    private int PrepareCache(IReadOnlyList<int> prompt)
    {
        lock (_evaluated)
        {
            var common = 0;
            while (common < _evaluated.Count && common < prompt.Count && _evaluated[common] == prompt[common])
            {
                common++;
            }
            if (common == prompt.Count)
            {
                common--; // the last prompt token is decoded again: its logits are needed to sample
            }
            if (common < _evaluated.Count)
            {
                if (!LlamaNative.llama_memory_seq_rm(_memory, Seq, common, -1))
                {
                    LlamaNative.llama_memory_clear(_memory, true); // partial removal unsupported: start over
                    common = 0;
                }
                _evaluated.RemoveRange(common, _evaluated.Count - common);
            }
            return common;
        }
    }

    private FinishReason? Prefill(IReadOnlyList<int> prompt, int from)
    {
        for (var i = from; i < prompt.Count; i += _batchCapacity)
        {
            var n = Math.Min(_batchCapacity, prompt.Count - i);
            var reason = DecodeChunk(prompt, i, n, wantLastLogits: i + n == prompt.Count);
            if (reason is not null)
            {
                return reason;
            }
        }
        return null;
    }

    /// <summary>Decodes tokens[start..start+n] at the next positions; null on success.</summary>
    private FinishReason? DecodeChunk(IReadOnlyList<int> tokens, int start, int n, bool wantLastLogits)
    {
        int pos0;
        lock (_evaluated)
        {
            pos0 = _evaluated.Count;
        }
        var b = _batch;
        b.n_tokens = n;
        for (var j = 0; j < n; j++)
        {
            b.token[j] = tokens[start + j];
            b.pos[j] = pos0 + j;
            b.n_seq_id[j] = 1;
            b.seq_id[j][0] = Seq;
            b.logits[j] = (sbyte)(wantLastLogits && j == n - 1 ? 1 : 0);
        }
        var rc = LlamaNative.llama_decode(_handle, b);
        if (rc == 0)
        {
            lock (_evaluated)
            {
                for (var j = 0; j < n; j++)
                {
                    _evaluated.Add(tokens[start + j]);
                }
            }
            return null;
        }
        // Aborted or failed: ubatches already processed stay in memory; drop them so cells == _evaluated.
        LlamaNative.llama_memory_seq_rm(_memory, Seq, pos0, -1);
        return rc switch
        {
            2 => FinishReason.Cancelled,
            1 => FinishReason.ContextFull,
            _ => throw new LlamaException($"llama_decode returned {rc} for {n} tokens at position {pos0}; {LlamaLog.RecentErrors()}"),
        };
    }

    /// <summary>Forgets every cached token (next prompt is evaluated in full).</summary>
    public void ClearCache()
    {
        _busy.Wait();
        try
        {
            LlamaNative.llama_memory_clear(_memory, true);
            lock (_evaluated)
            {
                _evaluated.Clear();
            }
        }
        finally
        {
            _busy.Release();
        }
    }

    /// <summary>Copies the KV state of the sequence (llama_state_seq_get_data) with the tokens it holds.</summary>
    public LlamaSequenceState SaveSequenceState()
    {
        _busy.Wait();
        try
        {
            var size = LlamaNative.llama_state_seq_get_size(_handle, Seq);
            var data = new byte[(int)size];
            nuint written;
            fixed (byte* d = data)
            {
                written = LlamaNative.llama_state_seq_get_data(_handle, d, size, Seq);
            }
            if (written == 0 && size > 0)
            {
                throw new LlamaException("llama_state_seq_get_data wrote nothing");
            }
            return new LlamaSequenceState(data[..(int)written], EvaluatedTokens);
        }
        finally
        {
            _busy.Release();
        }
    }

    /// <summary>Replaces the sequence's cells with a saved state (llama_state_seq_set_data).</summary>
    public void RestoreSequenceState(LlamaSequenceState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        _busy.Wait();
        try
        {
            LlamaNative.llama_memory_seq_rm(_memory, Seq, -1, -1);
            lock (_evaluated)
            {
                _evaluated.Clear();
            }
            nuint read;
            fixed (byte* d = state.Data)
            {
                read = LlamaNative.llama_state_seq_set_data(_handle, d, (nuint)state.Data.Length, Seq);
            }
            if (read == 0)
            {
                throw new LlamaException($"llama_state_seq_set_data rejected {state.Data.Length} bytes of state; {LlamaLog.RecentErrors()}");
            }
            lock (_evaluated)
            {
                _evaluated.AddRange(state.Tokens);
            }
        }
        finally
        {
            _busy.Release();
        }
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }
        _busy.Wait(); // never free the context under a running decode
        _disposed = true;
        LlamaNative.llama_batch_free(_batch);
        _handle.Dispose();
        NativeMemory.Free(_abortFlag);
        _busy.Release();
        _busy.Dispose();
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static byte OnAbort(void* data) => (byte)(Volatile.Read(ref *(int*)data) != 0 ? 1 : 0);
}
