using Appliance.Service.Runtime;
using Microsoft.Extensions.Hosting;

namespace Appliance.Service.Hosting;

/// <summary>Starts the pipeline with the host and stops it first on shutdown, inside the 5 s budget.</summary>
public sealed class PipelineHostedService(IPipelineLifecycle pipeline) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => pipeline.StartAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => pipeline.StopAsync(cancellationToken);
}
