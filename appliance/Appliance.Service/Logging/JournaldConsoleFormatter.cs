using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;

namespace Appliance.Service.Logging;

/// <summary>
/// One line per entry with an sd-daemon(3) priority prefix ("&lt;6&gt;Category: message"), so journald
/// files it at the right priority and `journalctl -p warning` works. No timestamps or colours —
/// journald adds its own. Exceptions are folded onto the same entry with escaped newlines.
/// </summary>
public sealed class JournaldConsoleFormatter() : ConsoleFormatter(FormatterName)
{
    public const string FormatterName = "journald";

    public override void Write<TState>(in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        var message = logEntry.Formatter(logEntry.State, logEntry.Exception);
        if (logEntry.Exception is null && string.IsNullOrEmpty(message))
        {
            return;
        }
        textWriter.Write('<');
        textWriter.Write(Priority(logEntry.LogLevel));
        textWriter.Write('>');
        textWriter.Write(logEntry.Category);
        textWriter.Write(": ");
        textWriter.Write(message.Replace('\n', ' '));
        if (logEntry.Exception is { } e)
        {
            textWriter.Write(" | ");
            textWriter.Write(e.ToString().Replace(Environment.NewLine, " \\n ", StringComparison.Ordinal));
        }
        textWriter.Write('\n');
    }

    /// <summary>syslog priorities: 2 crit, 3 err, 4 warning, 6 info, 7 debug.</summary>
    public static int Priority(LogLevel level) => level switch
    {
        LogLevel.Critical => 2,
        LogLevel.Error => 3,
        LogLevel.Warning => 4,
        LogLevel.Information => 6,
        _ => 7,
    };

    /// <summary>Under systemd the console is the journal: $JOURNAL_STREAM is set for us then.</summary>
    public static bool UnderSystemd()
        => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("JOURNAL_STREAM"))
           || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NOTIFY_SOCKET"));
}
