using System.Runtime.InteropServices;

namespace Appliance.Models.Llama.Native;

/// <summary>
/// Owns a struct llama_context *. The context points into its model's tensors, so the handle holds a
/// reference on the model handle (DangerousAddRef) and drops it only after llama_free: disposing the
/// model first can never leave a context with dangling weights.
/// </summary>
public sealed class SafeLlamaContextHandle : SafeHandle
{
    private SafeLlamaModelHandle? _model;

    public SafeLlamaContextHandle()
        : base(IntPtr.Zero, ownsHandle: true)
    {
    }

    public override bool IsInvalid => handle == IntPtr.Zero;

    /// <summary>llama_init_from_model; throws (naming the parameters) when it returns NULL.</summary>
    public static SafeLlamaContextHandle Create(SafeLlamaModelHandle model, llama_context_params parameters)
    {
        ArgumentNullException.ThrowIfNull(model);
        var context = new SafeLlamaContextHandle();
        var added = false;
        try
        {
            model.DangerousAddRef(ref added);
            var raw = LlamaNative.llama_init_from_model(model.DangerousGetHandle(), parameters);
            if (raw == IntPtr.Zero)
            {
                throw new LlamaException(
                    $"llama_init_from_model returned NULL (n_ctx={parameters.n_ctx}, n_batch={parameters.n_batch}, " +
                    $"n_threads={parameters.n_threads}); {LlamaLog.RecentErrors()}");
            }
            context.SetHandle(raw);
            context._model = model;
            added = false; // now owned by the context and released in ReleaseHandle
            return context;
        }
        finally
        {
            if (added)
            {
                model.DangerousRelease();
            }
        }
    }

    protected override bool ReleaseHandle()
    {
        LlamaNative.llama_free(handle);
        _model?.DangerousRelease();
        _model = null;
        return true;
    }
}
