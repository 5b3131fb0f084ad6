using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Controllers;

namespace Coaching.Tests.Support;

/// <summary>
/// Test-only middleware, outermost in the pipeline: answers with the header <see cref="HeaderName"/> naming the
/// controller action that routing first matched for the request ("Account.Login"), even when the response is a
/// sign-in redirect or a re-executed error page. It lets the authorization table check that its URLs reach the action
/// each row names.
/// </summary>
public sealed class MatchedActionHeader : IStartupFilter
{
    public const string HeaderName = "X-Test-Matched-Action";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, nextMiddleware) =>
        {
            var feature = new FirstEndpointFeature(context.Features.Get<IEndpointFeature>()?.Endpoint);
            context.Features.Set<IEndpointFeature>(feature);
            context.Response.OnStarting(() =>
            {
                if (feature.First?.Metadata.GetMetadata<ControllerActionDescriptor>() is { } action)
                    context.Response.Headers[HeaderName] = $"{action.ControllerName}.{action.ActionName}";
                return Task.CompletedTask;
            });
            await nextMiddleware(context);
        });
        next(app);
    };

    public static string? Of(HttpResponseMessage response) =>
        response.Headers.TryGetValues(HeaderName, out var values) ? values.FirstOrDefault() : null;

    /// <summary>Remembers the first endpoint routing set, which re-executing an error page would otherwise replace.</summary>
    private sealed class FirstEndpointFeature(Endpoint? initial) : IEndpointFeature
    {
        private Endpoint? _endpoint = initial;

        public Endpoint? First { get; private set; } = initial;

        public Endpoint? Endpoint
        {
            get => _endpoint;
            set
            {
                _endpoint = value;
                First ??= value;
            }
        }
    }
}
