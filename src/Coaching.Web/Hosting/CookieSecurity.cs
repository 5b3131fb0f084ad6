using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;

namespace Coaching.Web.Hosting;

/// <summary>
/// Every cookie the app sets (sign-in, two-factor steps, antiforgery, flash messages) is HttpOnly, SameSite=Lax and,
/// outside Development, Secure: the app is served over HTTPS in production (behind a TLS proxy or Kestrel with a
/// certificate), and a cookie must never travel over plain HTTP there. Development keeps plain http://localhost working;
/// <c>Coaching:SecureCookies=false</c> does the same elsewhere (the browser tests serve plain HTTP on a loopback port).
/// </summary>
public static class CookieSecurity
{
    public static IServiceCollection AddCoachingCookieSecurity(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var secure = configuration.GetValue("Coaching:SecureCookies", !environment.IsDevelopment())
            ? CookieSecurePolicy.Always
            : CookieSecurePolicy.SameAsRequest;

        services.PostConfigureAll<CookieAuthenticationOptions>(options => Harden(options.Cookie, secure));
        services.PostConfigure<Microsoft.AspNetCore.Antiforgery.AntiforgeryOptions>(options => Harden(options.Cookie, secure));
        services.PostConfigure<CookieTempDataProviderOptions>(options => Harden(options.Cookie, secure));
        // Outside Development the pipeline sends HSTS on HTTPS answers (Pipeline.UseCoachingPipeline): one year, this host only.
        services.AddHsts(options =>
        {
            options.MaxAge = TimeSpan.FromDays(365);
            options.IncludeSubDomains = false;
        });
        return services;
    }

    private static void Harden(CookieBuilder cookie, CookieSecurePolicy secure)
    {
        cookie.HttpOnly = true;
        cookie.SecurePolicy = secure;
        cookie.SameSite = SameSiteMode.Lax;
    }
}
