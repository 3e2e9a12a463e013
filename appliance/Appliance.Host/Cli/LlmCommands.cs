using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Appliance.Core.Dialog;
using Appliance.Core.Native;
using Appliance.Models.Llama;

namespace Appliance.Host.Cli;

/// <summary>
/// `llm generate|quantize|variants`: the llama.cpp engine from the command line. `generate --variant X --json`
/// is also the child process a CPU-variant probe or benchmark spawns, one per variant (ggml fixes the CPU
/// backend for the life of a process).
/// </summary>
internal static class LlmCommands
{
    public static Command Create()
    {
        var llm = new Command("llm", "Local language model (llama.cpp): generate, quantize, list CPU variants");
        llm.Subcommands.Add(Generate());
        llm.Subcommands.Add(Quantize());
        llm.Subcommands.Add(Variants());
        return llm;
    }

    private static Command Generate()
    {
        var model = new Option<string>("--model") { Description = "GGUF model file", Required = true };
        var prompt = new Option<string>("--prompt") { Description = "Prompt text (a user message with --chat)", Required = true };
        var system = new Option<string?>("--system") { Description = "System message (with --chat)" };
        var chat = new Option<bool>("--chat") { Description = "Format with the model's chat template (ChatML when it has none)" };
        var template = new Option<string?>("--template") { Description = "Chat template override: llama.cpp built-in name (llama2, chatml, ...)" };
        var maxTokens = new Option<int>("--max-tokens") { Description = "Upper bound on generated tokens", DefaultValueFactory = _ => 128 };
        var temperature = new Option<float>("--temperature") { Description = "0 = greedy", DefaultValueFactory = _ => 0f };
        var topK = new Option<int>("--top-k") { Description = "0 = off", DefaultValueFactory = _ => 40 };
        var topP = new Option<float>("--top-p") { Description = "1 = off", DefaultValueFactory = _ => 0.95f };
        var repeat = new Option<float>("--repeat-penalty") { Description = "1 = off", DefaultValueFactory = _ => 1f };
        var seed = new Option<uint?>("--seed") { Description = "Sampling seed (default random)" };
        var stop = new Option<string[]>("--stop") { Description = "Stop string (repeatable); not printed", AllowMultipleArgumentsPerToken = false };
        var variant = new Option<string>("--variant") { Description = "CPU backend: auto or a name from `llm variants` (haswell, skylakex, ...)", DefaultValueFactory = _ => "auto" };
        var threads = new Option<int?>("--threads") { Description = "Threads (default: processor count)" };
        var ctx = new Option<int?>("--ctx") { Description = "Context length in tokens (default min(train, 4096))" };
        var json = new Option<bool>("--json") { Description = "After the text, print one JSON line with timings and the CPU variant" };
        var repeat_ = new Option<int>("--repeat") { Description = "Run the same request N times on one context (runs after the first reuse the cached prompt)", DefaultValueFactory = _ => 1 };
        var command = new Command("generate", "Stream a completion (or a chat reply) to stdout")
        {
            model, prompt, system, chat, template, maxTokens, temperature, topK, topP, repeat, seed, stop, variant, threads, ctx, json, repeat_,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var chatMode = parse.GetValue(chat);
            var systemText = parse.GetValue(system);
            if (systemText is not null && !chatMode)
            {
                Console.Error.WriteLine("llm generate: --system needs --chat");
                return 2;
            }
            var options = new GenerationOptions(
                MaxTokens: parse.GetValue(maxTokens),
                Temperature: parse.GetValue(temperature),
                TopK: parse.GetValue(topK),
                TopP: parse.GetValue(topP),
                RepetitionPenalty: parse.GetValue(repeat),
                Seed: parse.GetValue(seed),
                Stop: parse.GetValue(stop) ?? []);
            var contextOptions = new LlamaContextOptions { Threads = parse.GetValue(threads), ContextLength = parse.GetValue(ctx) };
            try
            {
                var info = LlamaRuntime.Initialize(new LlamaRuntimeOptions { CpuVariant = parse.GetValue(variant) });
                using var loaded = LlamaModel.Load(parse.GetValue(model)!);
                using var chatModel = new LlamaChatModel(loaded, contextOptions, template: parse.GetValue(template));
                chatModel.Context.Warmup(); // first decode builds graphs and faults weights in; keep it out of the figures
                for (var run = 0; run < Math.Max(1, parse.GetValue(repeat_)) && !cancellationToken.IsCancellationRequested; run++)
                {
                    var text = new System.Text.StringBuilder();
                    IAsyncEnumerable<string> stream;
                    if (chatMode)
                    {
                        var messages = new List<ChatMessage>();
                        if (!string.IsNullOrEmpty(systemText))
                        {
                            messages.Add(new ChatMessage(ChatRole.System, systemText));
                        }
                        messages.Add(new ChatMessage(ChatRole.User, parse.GetValue(prompt)!));
                        stream = chatModel.ChatAsync(messages, options, cancellationToken);
                    }
                    else
                    {
                        stream = chatModel.Context.CompleteAsync(parse.GetValue(prompt)!, options, cancellationToken);
                    }
                    try
                    {
                        await foreach (var piece in stream)
                        {
                            text.Append(piece);
                            Console.Write(piece);
                        }
                    }
                    catch (OperationCanceledException)
                    {
                        // Ctrl+C: the timings of the partial reply are still printed.
                    }
                    Console.WriteLine();
                    if (parse.GetValue(json))
                    {
                        Console.WriteLine(TimingsJson(info, loaded, chatModel.Context, text.ToString()));
                    }
                }
                return 0;
            }
            catch (Exception e) when (e is LlamaException or NativeLibraryLoadException or ArgumentException or InvalidOperationException)
            {
                Console.Error.WriteLine($"llm generate: {e.Message}");
                return 1;
            }
        });
        return command;
    }

    private static string TimingsJson(LlamaBackendInfo info, LlamaModel model, LlamaContext context, string text)
    {
        var t = context.LastTimings;
        var figures = new Dictionary<string, object?>
        {
            ["model"] = model.Path,
            ["model_type"] = model.FileType,
            ["model_bytes"] = model.SizeBytes,
            ["variant"] = info.Variant,
            ["variant_requested"] = info.Requested,
            ["cpu_library"] = info.CpuLibrary,
            ["threads"] = context.Threads,
            ["n_ctx"] = context.ContextLength,
            ["prompt_tokens"] = t?.PromptTokens,
            ["prompt_tokens_evaluated"] = t?.PromptTokensEvaluated,
            ["prompt_tokens_reused"] = t?.PromptTokensReused,
            ["generated_tokens"] = t?.GeneratedTokens,
            ["ttft_ms"] = Round(t?.TimeToFirstTokenMs),
            ["prefill_ms"] = Round(t?.PrefillMs),
            ["decode_ms"] = Round(t?.DecodeMs),
            ["total_ms"] = Round(t?.TotalMs),
            ["llm_prefill_tok_s"] = Round(t?.PrefillTokensPerSecond),
            ["llm_decode_tok_s"] = Round(t?.DecodeTokensPerSecond),
            ["finish_reason"] = t?.FinishReason.ToString(),
            ["text"] = text,
        };
        return JsonSerializer.Serialize(figures, JsonOptions);
    }

    private static readonly JsonSerializerOptions JsonOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static double? Round(double? v) => v is null ? null : Math.Round(v.Value, 3);

    private static Command Quantize()
    {
        var input = new Option<string>("--in") { Description = "Source GGUF (F32/F16/BF16 weights)", Required = true };
        var output = new Option<string>("--out") { Description = "Destination GGUF", Required = true };
        var type = new Option<string>("--type") { Description = $"Target type: {string.Join(", ", LlamaQuantizer.FileTypes.Keys)}", Required = true };
        var threads = new Option<int>("--threads") { Description = "0 = all cores", DefaultValueFactory = _ => 0 };
        var command = new Command("quantize", "Write a quantized copy of a GGUF model (llama_model_quantize)") { input, output, type, threads };
        command.SetAction(parse =>
        {
            try
            {
                LlamaRuntime.Initialize();
                LlamaQuantizer.Quantize(parse.GetValue(input)!, parse.GetValue(output)!, parse.GetValue(type)!, parse.GetValue(threads));
                var size = new FileInfo(parse.GetValue(output)!).Length;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wrote {parse.GetValue(output)} ({size} bytes, {parse.GetValue(type)})"));
                return 0;
            }
            catch (Exception e) when (e is LlamaException or NativeLibraryLoadException or ArgumentException)
            {
                Console.Error.WriteLine($"llm quantize: {e.Message}");
                return 1;
            }
        });
        return command;
    }

    private static Command Variants()
    {
        var variant = new Option<string>("--variant") { Description = "Load this variant (default auto) and show what got loaded", DefaultValueFactory = _ => "auto" };
        var command = new Command("variants", "List the CPU backend variants and show which one this CPU gets") { variant };
        command.SetAction(parse =>
        {
            try
            {
                var info = LlamaRuntime.Initialize(new LlamaRuntimeOptions { CpuVariant = parse.GetValue(variant) });
                Console.WriteLine($"available: {string.Join(' ', LlamaRuntime.AvailableVariants(info.NativeDirectory))}");
                Console.WriteLine($"loaded:    {info.Variant} (requested {info.Requested}) from {info.CpuLibrary}");
                Console.WriteLine($"devices:   {string.Join("; ", info.Devices)}");
                Console.WriteLine($"features:  {string.Join(' ', info.Features.Select(f => $"{f.Key}={f.Value}"))}");
                Console.WriteLine($"build:     {info.Version}");
                return 0;
            }
            catch (Exception e) when (e is LlamaException or NativeLibraryLoadException or ArgumentException)
            {
                Console.Error.WriteLine($"llm variants: {e.Message}");
                return 1;
            }
        });
        return command;
    }
}
