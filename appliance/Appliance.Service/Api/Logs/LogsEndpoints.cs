using Appliance.Service.Logging;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Appliance.Service.Api.Logs;

/// <summary>The last log lines of this process (the journal keeps the rest).</summary>
public static class LogsEndpoints
{
    public static RouteGroupBuilder MapLogs(this RouteGroupBuilder group)
    {
        group.MapGet("/", TailLogs).WithName("TailLogs");
        return group;
    }

    public static Results<Ok<IReadOnlyList<string>>, ValidationProblem> TailLogs(LogRing ring, int lines = 200)
    {
        if (lines is < 1 or > 2000)
        {
            return ApiProblems.Invalid("lines", "must be 1..2000");
        }
        return TypedResults.Ok(ring.Tail(lines));
    }
}
