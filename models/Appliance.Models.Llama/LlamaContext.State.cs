using Appliance.Models.Llama.Native;

namespace Appliance.Models.Llama;

/// <summary>LlamaContext: save/restore of the sequence state (llama_state_seq_*).</summary>
public sealed unsafe partial class LlamaContext
{
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
}
