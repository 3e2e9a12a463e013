using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Appliance.Service.Hosting;

/// <summary>
/// Turns request-binding failures (malformed JSON, unknown fields, oversized bodies) into ProblemDetails
/// with the real reason, and anything unexpected into a 500 ProblemDetails without internals.
/// </summary>
public sealed class BadRequestExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title, detail) = exception switch
        {
            BadHttpRequestException bad => (bad.StatusCode, bad.StatusCode == 413 ? "Request body too large" : "Bad request",
                bad.InnerException?.Message is { } inner ? $"{bad.Message} {inner}" : bad.Message),
            _ => (500, "Internal error", "The appliance hit an unexpected error; see the logs."),
        };
        httpContext.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        });
    }
}
