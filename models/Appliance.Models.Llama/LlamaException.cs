namespace Appliance.Models.Llama;

/// <summary>llama.cpp refused an operation (NULL from a create function, a failed decode, ...).</summary>
public class LlamaException : Exception
{
    public LlamaException(string message)
        : base(message)
    {
    }

    public LlamaException(string message, Exception inner)
        : base(message, inner)
    {
    }
}

/// <summary>The loaded libllama/libggml is not the build this binding mirrors (structs would not match).</summary>
public sealed class LlamaBuildMismatchException(string message) : LlamaException(message);

/// <summary>A model file is missing, truncated or not a GGUF file; raised before any native code sees it.</summary>
public sealed class LlamaModelFileException(string path, string problem)
    : LlamaException($"{path}: {problem}")
{
    public string Path { get; } = path;

    public string Problem { get; } = problem;
}
