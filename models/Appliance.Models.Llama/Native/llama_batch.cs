using System.Runtime.InteropServices;

namespace Appliance.Models.Llama.Native;

#pragma warning disable CA1707, IDE1006 // C names on purpose: this is a 1:1 mirror of llama.h

/// <summary>llama_batch (llama.h): parallel arrays of n_tokens entries, allocated by llama_batch_init.</summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct llama_batch
{
    public int n_tokens;
    public int* token;      // llama_token *
    public float* embd;     // used when token is NULL
    public int* pos;        // llama_pos *
    public int* n_seq_id;   // int32_t *
    public int** seq_id;    // llama_seq_id **
    public sbyte* logits;   // int8_t *: non-zero = output logits for this token
}
