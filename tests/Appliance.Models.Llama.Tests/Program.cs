using Appliance.Core.Dialog;
using Appliance.Models.Llama;

namespace Appliance.Models.Llama.Tests;

/// <summary>
/// Not used by the test runner. A test starts this assembly as a child process
/// (`dotnet Appliance.Models.Llama.Tests.dll variant-child VARIANT MODEL PROMPT N`) because a CPU variant
/// can be chosen only once per process: it prints the loaded variant, then the greedy completion.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length != 5 || args[0] != "variant-child")
        {
            Console.Error.WriteLine("usage: variant-child VARIANT MODEL PROMPT MAX_TOKENS");
            return 2;
        }
        var info = LlamaRuntime.Initialize(new LlamaRuntimeOptions { CpuVariant = args[1] });
        using var model = LlamaModel.Load(args[2]);
        using var context = model.CreateContext(new LlamaContextOptions { Threads = 1 });
        var result = context.Complete(args[3], GenerationOptions.Greedy with { MaxTokens = int.Parse(args[4], System.Globalization.CultureInfo.InvariantCulture) });
        Console.WriteLine(info.Variant);
        Console.Write(result.Text);
        return 0;
    }
}
