using Coaching.Web.French;

namespace Coaching.Web.Hosting;

public static class Pipeline
{
    public static WebApplication UseCoachingPipeline(this WebApplication app)
    {
        // First: everything after it (HSTS, Secure cookies, the audit trail's address) sees the client, not the proxy.
        if (ProxyHeaders.IsEnabled(app.Configuration)) app.UseForwardedHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/erreur");
            app.UseHsts();
        }
        app.UseStatusCodePagesWithReExecute("/erreur/{0}");
        app.UseSecurityHeaders();
        app.UseLegacyUrlRedirects();
        app.UseRequestLocalization();
        app.UseStaticFiles();
        // After the static files (served as they are), before everything that renders a page or a re-executed error page.
        app.UseFrenchTypography();
        app.UseRouting();
        // Public forms (sign-in, codes, password, invitation) are throttled per client address: RateLimits.
        app.UseRateLimiter();
        // Before authorization too: a refused request's French 403 page is re-executed with the same body, which must
        // have been found readable (or replaced by an empty form) first.
        app.UseRequestBodyGuard();
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }

    public static WebApplication MapCoachingEndpoints(this WebApplication app)
    {
        app.MapCoachingHealth();
        // Every controller has attribute routes (French, lowercase); the old English URLs redirect (LegacyUrls).
        app.MapControllers();
        return app;
    }

    private static void UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy =
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
            "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "same-origin";
        headers.XFrameOptions = "DENY";
        await next();
    });
}
