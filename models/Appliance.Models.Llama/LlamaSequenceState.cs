namespace Appliance.Models.Llama;

/// <summary>A saved KV state of sequence 0 and the tokens it holds (restore needs both).</summary>
public sealed record LlamaSequenceState(byte[] Data, IReadOnlyList<int> Tokens);
