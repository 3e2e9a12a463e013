namespace Appliance.Models.Llama.Native;

/// <summary>
/// Import names used by [LibraryImport]; LlamaRuntime.Initialize maps each to the exact versioned file it
/// loaded (the resolver never lets the runtime probe for these names itself).
/// </summary>
internal static class LibraryNames
{
    public const string Llama = "llama";
    public const string Ggml = "ggml";
    public const string GgmlBase = "ggml-base";

    /// <summary>The exact files of the build we mirror (npm @node-llama-cpp/linux-x64@3.22.1).</summary>
    public const string LlamaFile = "libllama.v0.5.0.so";
    public const string GgmlFile = "libggml.v0.5.0.so";
    public const string GgmlBaseFile = "libggml-base.so";

    /// <summary>ggml_version() / ggml_commit() / llama_version() of that build: the start-up check compares them.</summary>
    public const string ExpectedGgmlVersion = "0.25.1";
    public const string ExpectedGgmlCommit = "0ad4a86";
    public const string ExpectedLlamaVersion = "0.5.0-dev";
}
