using Appliance.Core.Dialog;
using Appliance.Models.Llama.Native;

namespace Appliance.Models.Llama;

/// <summary>LlamaContext: KV cache bookkeeping (common-prefix reuse, batched decode, clearing).</summary>
public sealed unsafe partial class LlamaContext
{
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

    /// <summary>
    /// Decodes one BOS and forgets it: the first llama_decode of a context builds its compute graph and
    /// touches the weights, which would otherwise be billed to the first prompt's timings.
    /// </summary>
    public void Warmup()
    {
        Generate([Model.Bos >= 0 ? Model.Bos : 0], GenerationOptions.Greedy with { MaxTokens = 1 });
        ClearCache();
        LastTimings = null;
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
}
