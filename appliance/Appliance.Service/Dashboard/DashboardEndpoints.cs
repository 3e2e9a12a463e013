using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Appliance.Service.Dashboard;

/// <summary>
/// The dashboard's static files, embedded in this assembly (no CDN, nothing on disk to go stale).
/// Anonymous: the page itself holds no data; it calls the API with the token the technician enters.
/// </summary>
public static class DashboardEndpoints
{
    private static readonly Dictionary<string, string> Types = new(StringComparer.Ordinal)
    {
        [".html"] = "text/html; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".svg"] = "image/svg+xml",
    };

    public static IEndpointRouteBuilder MapDashboard(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/", () => TypedResults.Redirect("/dashboard/")).ExcludeFromDescription();
        var group = endpoints.MapGroup("/dashboard").ExcludeFromDescription().AllowAnonymous();
        group.MapGet("/", () => GetFile("index.html"));
        group.MapGet("/{file}", GetFile);
        return endpoints;
    }

    public static Results<FileContentHttpResult, NotFound> GetFile(string file)
    {
        var extension = Path.GetExtension(file);
        if (!Types.TryGetValue(extension, out var type))
        {
            return TypedResults.NotFound();
        }
        using var stream = typeof(DashboardEndpoints).Assembly.GetManifestResourceStream("dashboard/" + file);
        if (stream is null)
        {
            return TypedResults.NotFound();
        }
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return TypedResults.File(buffer.ToArray(), type);
    }
}
