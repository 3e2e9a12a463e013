using Appliance.Models.OnnxRuntime.Native;

namespace Appliance.Models.OnnxRuntime;

/// <param name="IntraOpThreads">Threads inside one operator (0 = ORT's default: one per core).</param>
/// <param name="InterOpThreads">Threads running independent operators in parallel (0 = ORT's default).</param>
/// <param name="OptimizationLevel">Graph rewrites applied when the session loads.</param>
public sealed record SessionOptions(int IntraOpThreads = 1, int InterOpThreads = 1, GraphOptimizationLevel OptimizationLevel = GraphOptimizationLevel.EnableAll)
{
    internal unsafe OrtSessionOptionsHandle CreateNative()
    {
        if (IntraOpThreads < 0 || InterOpThreads < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(IntraOpThreads), "thread counts must be 0 (ORT default) or positive");
        }
        var api = OrtNative.Api;
        OrtSessionOptions* options = null;
        OrtNative.Check(api->CreateSessionOptions(&options), "creating session options");
        var handle = new OrtSessionOptionsHandle(options);
        try
        {
            OrtNative.Check(api->SetIntraOpNumThreads(options, IntraOpThreads), "setting intra-op threads");
            OrtNative.Check(api->SetInterOpNumThreads(options, InterOpThreads), "setting inter-op threads");
            OrtNative.Check(api->SetSessionGraphOptimizationLevel(options, OptimizationLevel), "setting the graph optimisation level");
            return handle;
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }
}
