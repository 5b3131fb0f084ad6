using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Coaching.Web.Hosting;

/// <summary>
/// Behind a reverse proxy or load balancer: the client's address (X-Forwarded-For, e.g. in the audit trail) and scheme
/// (X-Forwarded-Proto, for Secure cookies and HSTS) are taken from the headers of the proxies listed in
/// <c>Proxy:KnownProxies</c> (addresses) and <c>Proxy:KnownNetworks</c> (CIDR ranges) only. Off when both are empty,
/// the default: never trust everyone, since anyone may send those headers.
/// </summary>
public static class ProxyHeaders
{
    public const string Section = "Proxy";

    public static IServiceCollection AddCoachingProxyHeaders(this IServiceCollection services, IConfiguration configuration)
    {
        var proxies = Parse(configuration, "KnownProxies", IPAddress.Parse);
        var networks = Parse(configuration, "KnownNetworks", System.Net.IPNetwork.Parse);
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // The defaults trust loopback; only what is configured is trusted here.
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in proxies) options.KnownProxies.Add(proxy);
            foreach (var network in networks) options.KnownIPNetworks.Add(network);
            options.ForwardLimit = configuration.GetValue($"{Section}:ForwardLimit", 1);
        });
        return services;
    }

    public static bool IsEnabled(IConfiguration configuration) =>
        configuration.GetSection($"{Section}:KnownProxies").GetChildren().Any() || configuration.GetSection($"{Section}:KnownNetworks").GetChildren().Any();

    private static List<T> Parse<T>(IConfiguration configuration, string key, Func<string, T> parse) =>
        configuration.GetSection($"{Section}:{key}").GetChildren().Select(child =>
        {
            try
            {
                return parse(child.Value?.Trim() ?? "");
            }
            catch (FormatException)
            {
                throw new InvalidOperationException($"{Section}:{key} holds '{child.Value}', which is not an IP {(key == "KnownNetworks" ? "network such as 10.0.0.0/8" : "address")}.");
            }
        }).ToList();
}
