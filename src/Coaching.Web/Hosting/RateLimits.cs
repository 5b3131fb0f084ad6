using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Coaching.Web.Commands;
using Coaching.Web.Demo;

namespace Coaching.Web.Hosting;

/// <summary>Section « RateLimits »: how many posts of the public forms (sign-in, codes, password, invitation) are allowed.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    /// <summary>Posts allowed per client address and window (all public forms together).</summary>
    public int PerClientPermitLimit { get; set; } = 30;
    public TimeSpan PerClientWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Posts allowed per account (the e-mail address or account posted) and window, whatever the address.</summary>
    public int PerAccountPermitLimit { get; set; } = 10;
    public TimeSpan PerAccountWindow { get; set; } = TimeSpan.FromMinutes(5);
}

/// <summary>A form that names the account it acts on (the e-mail typed, the account of a link).</summary>
public interface IAccountForm
{
    string? AccountKey { get; }
}

/// <summary>
/// Throttling of the public forms with ASP.NET Core's rate limiter: the named policy <see cref="PublicForms"/> (put
/// <c>[EnableRateLimiting(RateLimits.PublicForms)]</c> on a public form's POST action) counts per client address, and
/// <see cref="PerAccountAttribute"/> per account. Beyond the limit: 429, <c>Retry-After</c> and the French error page
/// with the waiting time. The counters are per instance (memory).
/// </summary>
public static class RateLimits
{
    public const string PublicForms = "public-forms";
    public const string RetryAfterItem = "Coaching.RetryAfter";

    public static IServiceCollection AddCoachingRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RateLimitOptions>().Bind(configuration.GetSection(RateLimitOptions.Section));
        services.AddSingleton<AccountLimiter>();
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(PublicForms, context =>
            {
                if (!HttpMethods.IsPost(context.Request.Method)) return RateLimitPartition.GetNoLimiter("");
                var options = context.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;
                var client = context.Connection.RemoteIpAddress?.ToString() ?? "";
                return RateLimitPartition.GetFixedWindowLimiter(client, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = options.PerClientPermitLimit,
                    Window = options.PerClientWindow,
                    QueueLimit = 0,
                });
            });
            limiter.OnRejected = (context, _) =>
            {
                Refuse(context.HttpContext, context.Lease);
                return ValueTask.CompletedTask;
            };
        });
        return services;
    }

    /// <summary>Sets the 429 answer's Retry-After; the status code pages then show the French page with the wait.</summary>
    public static void Refuse(HttpContext context, RateLimitLease lease)
    {
        var wait = lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        context.Items[RetryAfterItem] = TimeSpan.FromSeconds(seconds);
    }

    /// <summary>Counts the posts per account: the e-mail or account id of the form, or the account between password and code.</summary>
    [AttributeUsage(AttributeTargets.Method)]
    public sealed class PerAccountAttribute() : TypeFilterAttribute(typeof(PerAccountFilter));

    private sealed class PerAccountFilter(AccountLimiter limiter) : IAsyncActionFilter
    {
        public async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
        {
            var account = context.ActionArguments.Values.OfType<IAccountForm>().Select(f => f.AccountKey).FirstOrDefault();
            if (string.IsNullOrWhiteSpace(account))
            {
                var twoFactor = await context.HttpContext.AuthenticateAsync(IdentityConstants.TwoFactorUserIdScheme);
                account = twoFactor.Principal?.Identity?.Name;
            }
            if (!string.IsNullOrWhiteSpace(account))
            {
                using var lease = limiter.Acquire(account.Trim().ToUpperInvariant());
                if (!lease.IsAcquired)
                {
                    Refuse(context.HttpContext, lease);
                    context.Result = new StatusCodeResult(StatusCodes.Status429TooManyRequests);
                    return;
                }
            }
            await next();
        }
    }
}

/// <summary>The per-account counters, one fixed window per account (normalised), whatever the client address.</summary>
public sealed class AccountLimiter(IOptions<RateLimitOptions> options) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(account =>
        RateLimitPartition.GetFixedWindowLimiter(account, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = options.Value.PerAccountPermitLimit,
            Window = options.Value.PerAccountWindow,
            QueueLimit = 0,
        }));

    public RateLimitLease Acquire(string account) => _limiter.AttemptAcquire(account);

    public void Dispose() => _limiter.Dispose();
}
