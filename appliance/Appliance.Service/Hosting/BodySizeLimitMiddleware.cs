using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;

namespace Appliance.Service.Hosting;

/// <summary>
/// Small limits for JSON (64 KiB), larger for knowledge-base documents. A declared Content-Length over
/// the limit is refused up front (413 ProblemDetails, nothing read); chunked bodies are capped by the
/// server's per-request limit, which surfaces as a 413 BadHttpRequestException.
/// </summary>
public sealed class BodySizeLimitMiddleware(RequestDelegate next, ServiceOptions options, IProblemDetailsService problems)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var limit = context.Request.Path.StartsWithSegments("/api/kb") ? options.MaxDocumentBytes : options.MaxJsonBodyBytes;
        if (context.Request.ContentLength is { } length && length > limit)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = new ProblemDetails
                {
                    Status = 413,
                    Title = "Request body too large",
                    Detail = $"The body has {length} bytes; at most {limit} are accepted here.",
                },
            });
            return;
        }
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = limit;
        }
        await next(context);
    }
}
