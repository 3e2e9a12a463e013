using Appliance.Service.Models;

namespace Appliance.Service.Runtime;

/// <summary>
/// Loads a model into the running pipeline. Throwing means "this model does not work": the registry
/// then rolls back to the previous active model and activates it again.
/// </summary>
public interface IModelActivator
{
    Task ActivateAsync(ModelEntry model, string path, CancellationToken cancellationToken);
}
