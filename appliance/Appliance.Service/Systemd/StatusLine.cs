using Appliance.Service.Runtime;

namespace Appliance.Service.Systemd;

/// <summary>The one-line STATUS= a technician reads in `systemctl status`.</summary>
public static class StatusLine
{
    public static string Format(PipelineSnapshot s)
    {
        var state = s.State.ToString().ToLowerInvariant();
        var turns = s.TurnsCompleted == 1 ? "1 turn" : $"{s.TurnsCompleted} turns";
        var line = $"{state} · llm {s.LlmDescription} · {turns}";
        return s.LastError is { Length: > 0 } error ? $"{line} · error: {error}" : line;
    }

    /// <summary>The pipeline's line with what else is going on (provisioning in progress first, device problems last).</summary>
    public static string Format(PipelineSnapshot s, IServiceActivity? activity)
    {
        var line = Format(s);
        if (activity?.Prefix is { Length: > 0 } prefix)
        {
            line = $"{prefix} · {line}";
        }
        return activity?.Suffix is { Length: > 0 } suffix ? $"{line} · {suffix}" : line;
    }
}
