namespace Appliance.Service.Runtime;

/// <summary>
/// Start/stop/restart of the conversation pipeline. StartAsync returns quickly (loading continues in
/// the background and shows up in the snapshot); StopAsync must cancel an utterance in flight and
/// return before its token fires (the host gives 5 s in total).
/// </summary>
public interface IPipelineLifecycle
{
    Task StartAsync(CancellationToken cancellationToken);

    Task StopAsync(CancellationToken cancellationToken);

    /// <summary>Restart the pipeline (engines, not the audio device nor the process).</summary>
    Task RestartAsync(CancellationToken cancellationToken);
}
