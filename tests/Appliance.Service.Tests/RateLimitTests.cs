using System.Net;
using Appliance.Service.Configuration;
using Appliance.Service.Security;
using Appliance.Service.Tests.Support;

namespace Appliance.Service.Tests;

/// <summary>Per-client limits: one client over its budget gets 429 ProblemDetails; another client is unaffected.</summary>
public sealed class RateLimitTests
{
    [Fact]
    public async Task A_client_over_its_limit_gets_429_and_others_do_not()
    {
        using var factory = new ServiceFactory();
        File.WriteAllText(Path.Combine(factory.Options.ConfigDir, ConfigStore.FileName), "api:\n  rateLimitPerMinute: 3\n");
        var noisy = factory.ClientFor(Roles.Viewer);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await noisy.GetAsync("/api/status")).StatusCode);
        }
        await HttpAssert.Problem(await noisy.GetAsync("/api/status"), HttpStatusCode.TooManyRequests);
        Assert.Equal(HttpStatusCode.OK, (await factory.ClientFor(Roles.Viewer).GetAsync("/api/status")).StatusCode);
    }
}
