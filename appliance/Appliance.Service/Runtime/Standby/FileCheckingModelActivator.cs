using Appliance.Service.Models;
using Microsoft.Extensions.Logging;

namespace Appliance.Service.Runtime.Standby;

/// <summary>Activation without engines: the file must exist and be non-empty; nothing is loaded.</summary>
public sealed class FileCheckingModelActivator(ILogger<FileCheckingModelActivator> logger) : IModelActivator
{
    public Task ActivateAsync(ModelEntry model, string path, CancellationToken cancellationToken)
    {
        var info = new FileInfo(path);
        if (!info.Exists || info.Length == 0)
        {
            throw new InvalidOperationException($"Model file {path} is missing or empty.");
        }
        logger.LogInformation("Model {Id} selected ({Kind}); no engine wired to load it", model.Id, model.Kind);
        return Task.CompletedTask;
    }
}
