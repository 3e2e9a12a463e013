namespace Appliance.Service.Runtime;

/// <summary>
/// One consistent read of the running pipeline. ModelsLoaded and AudioOpen gate systemd's READY=1;
/// LlmDescription is what a technician reads in `systemctl status` (e.g. "qwen-1.5b q4_0 sapphirerapids").
/// </summary>
public sealed record PipelineSnapshot(
    PipelineState State,
    bool ModelsLoaded,
    bool AudioOpen,
    string? CurrentTurnId,
    string? CurrentUtterance,
    int TurnsCompleted,
    string LlmDescription,
    string? LastError);
