namespace Coaching.Benchmarks.Load;

/// <summary>
/// A load balancer without sticky sessions, seen from one browser: each request goes to the next app instance in turn
/// (same host, another port). Cookies do not depend on the port, so the browser's session cookie reaches every
/// instance, which must all read it (shared Data Protection key ring).
/// </summary>
public sealed class RoundRobinHandler(IReadOnlyList<Uri> instances, HttpMessageHandler inner) : DelegatingHandler(inner)
{
    private int _next;

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var target = instances[_next++ % instances.Count];
        request.RequestUri = new UriBuilder(request.RequestUri!) { Scheme = target.Scheme, Host = target.Host, Port = target.Port }.Uri;
        return base.SendAsync(request, cancellationToken);
    }
}
