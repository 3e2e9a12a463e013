using Appliance.Service.Runtime;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Appliance.Service.Api.Capabilities;

/// <summary>CPU features and engines present on this box.</summary>
public static class CapabilitiesEndpoints
{
    public static RouteGroupBuilder MapCapabilities(this RouteGroupBuilder group)
    {
        group.MapGet("/", GetCapabilities).WithName("GetCapabilities");
        return group;
    }

    public static Ok<CapabilityReport> GetCapabilities(ICapabilitiesProvider provider) => TypedResults.Ok(provider.Describe());
}
