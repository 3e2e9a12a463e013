using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
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
    private bool _disposing; // tells a running generation to stop so Dispose does not wait for MaxTokens

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

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }
        Volatile.Write(ref _disposing, true);
        Volatile.Write(ref *_abortFlag, 1);
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
