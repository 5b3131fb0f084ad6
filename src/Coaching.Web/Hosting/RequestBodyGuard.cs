
namespace Coaching.Web.Hosting;

/// <summary>
/// A body the framework refuses to read — a form value holding a NUL character, a malformed multipart body, an upload
/// over the endpoint's size limit — is the sender's mistake: it gets the French 400 or 413 page, not an error 500.
/// So does a NUL character in the query string: no page expects one, and PostgreSQL's text cannot hold it (a search for
/// it would fail in the database). The path (and so the route values) cannot hold one: the server refuses it first.
/// Runs after routing so that the endpoints' own size limits ([RequestSizeLimit], [RequestFormLimits]) apply.
/// </summary>
public static class RequestBodyGuard
{
    public static IApplicationBuilder UseRequestBodyGuard(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (!IsErrorPage(context) && HasNulCharacter(context.Request.Query))
        {
            context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(RequestBodyGuard))
                .LogWarning("NUL character in the query string of {Method} {Path}", context.Request.Method, context.Request.Path.Value);
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }
        try
        {
            // Read here, where a failure is ours to answer: deeper in MVC the antiforgery check swallows it into a 500.
            if (context.Request.HasFormContentType && !IsErrorPage(context)) await context.Request.ReadFormAsync(context.RequestAborted);
            await next();
        }
        catch (Exception exception) when (!context.Response.HasStarted && StatusFor(exception) is { } status)
        {
            context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(RequestBodyGuard))
                .LogWarning("Unreadable request body on {Path}: {Reason}", context.Request.Path.Value, exception.Message);
            context.Response.Clear();
            context.Response.StatusCode = status;
            // The French error page is re-executed for this same request: give it an empty form it can read.
            context.Features.Set<Microsoft.AspNetCore.Http.Features.IFormFeature>(
                new Microsoft.AspNetCore.Http.Features.FormFeature(Microsoft.AspNetCore.Http.FormCollection.Empty));
        }
    });

    private static bool HasNulCharacter(IQueryCollection query) =>
        query.Any(q => q.Key.Contains('\0', StringComparison.Ordinal) || q.Value.Any(v => v?.Contains('\0', StringComparison.Ordinal) == true));

    /// <summary>The error page re-executed for this very request: its body is the one that was just refused.</summary>
    private static bool IsErrorPage(HttpContext context) =>
        context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is not null
        || context.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerFeature>() is not null;

    private static int? StatusFor(Exception exception) => exception switch
    {
        BadHttpRequestException bad => bad.StatusCode,
        // "Multipart body length limit … exceeded": the endpoint's [RequestFormLimits].
        InvalidDataException when exception.Message.Contains("limit", StringComparison.OrdinalIgnoreCase) => StatusCodes.Status413PayloadTooLarge,
        InvalidDataException => StatusCodes.Status400BadRequest,
        InvalidOperationException when exception.Message.Contains("null characters", StringComparison.Ordinal) => StatusCodes.Status400BadRequest,
        Microsoft.AspNetCore.Antiforgery.AntiforgeryValidationException { InnerException: InvalidDataException or BadHttpRequestException } =>
            StatusCodes.Status400BadRequest,
        _ => null,
    };
}
