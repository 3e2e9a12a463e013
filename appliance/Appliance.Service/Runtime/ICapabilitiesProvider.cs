namespace Appliance.Service.Runtime;

/// <summary>Capabilities for the API; the runtime adds the engine variants it actually loaded.</summary>
public interface ICapabilitiesProvider
{
    CapabilityReport Describe();
}
