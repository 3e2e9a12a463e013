using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using Appliance.Models.Llama.Native;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Appliance.Models.Llama;

/// <summary>
/// Routes llama.cpp/ggml log lines (llama_log_set also sets ggml's) to an <see cref="ILogger"/>. The quiet
/// default is a NullLogger; warnings and errors are still kept in a short ring so an exception about a
/// NULL handle can quote what the library said.
/// </summary>
public static unsafe class LlamaLog
{
    private const int Remembered = 8;
    private static readonly Lock Gate = new();
    private static readonly Queue<string> Recent = new();
    private static readonly StringBuilder Pending = new();
    private static ILogger _logger = NullLogger.Instance;
    private static LogLevel _pendingLevel = LogLevel.Debug;

    public static ILogger Logger
    {
        get => _logger;
        set => _logger = value ?? NullLogger.Instance;
    }

    /// <summary>The last warnings/errors the native library logged, for exception messages.</summary>
    public static string RecentErrors()
    {
        lock (Gate)
        {
            return Recent.Count == 0 ? "the native log said nothing" : "native log: " + string.Join(" | ", Recent);
        }
    }

    internal static void Install() => LlamaNative.llama_log_set(&OnLog, null);

    // ggml_log_level: 0 none, 1 debug, 2 info, 3 warn, 4 error, 5 continuation of the previous line.
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void OnLog(int level, byte* text, void* userData)
    {
        try
        {
            var s = Marshal.PtrToStringUTF8((IntPtr)text) ?? "";
            lock (Gate)
            {
                if (level != 5)
                {
                    _pendingLevel = level switch { 1 => LogLevel.Debug, 2 => LogLevel.Information, 3 => LogLevel.Warning, 4 => LogLevel.Error, _ => LogLevel.Debug };
                }
                Pending.Append(s);
                if (!s.EndsWith('\n'))
                {
                    return; // llama.cpp writes some lines in pieces
                }
                var line = Pending.ToString().TrimEnd();
                Pending.Clear();
                if (_pendingLevel >= LogLevel.Warning)
                {
                    Recent.Enqueue(line);
                    while (Recent.Count > Remembered)
                    {
                        Recent.Dequeue();
                    }
                }
                if (_logger.IsEnabled(_pendingLevel))
                {
#pragma warning disable CA1848, CA2254 // native text is the message itself
                    _logger.Log(_pendingLevel, "{Native}", line);
#pragma warning restore CA1848, CA2254
                }
            }
        }
        catch (Exception)
        {
            // An exception must never unwind into native code.
        }
    }
}
