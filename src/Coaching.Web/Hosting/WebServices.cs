using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Coaching.Core.Identity;
using Coaching.Web.French;
using FluentValidation;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Razor;

namespace Coaching.Web.Hosting;

public static class WebServices
{

    /// <summary>MVC with the feature folders, French messages and cultures, the authorization policies.</summary>
    public static IServiceCollection AddCoachingWeb(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Staff, p => p.RequireRole(Roles.Admin, Roles.ClubManager, Roles.Advisor))
            .AddPolicy(Policies.ClubManagement, p => p.RequireRole(Roles.Admin, Roles.ClubManager))
            .AddPolicy(Policies.Admin, p => p.RequireRole(Roles.Admin))
            .AddPolicy(Policies.Merchant, p => p.RequireRole(Roles.Merchant));

        services.AddControllersWithViews(mvc =>
            {
                mvc.Filters.Add(new AutoValidateAntiforgeryTokenAttribute());
                mvc.Conventions.Add(new RouteIdsFromRouteOnly());
                FrenchModelBindingMessages.Apply(mvc.ModelBindingMessageProvider);
            })
            .AddRazorOptions(razor =>
            {
                razor.ViewLocationFormats.Clear();
                razor.ViewLocationFormats.Add("/Features/{1}/{0}" + RazorViewEngine.ViewExtension);
                razor.ViewLocationFormats.Add("/Features/Shared/{0}" + RazorViewEngine.ViewExtension);
            });
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "Coaching.Antiforgery";
            o.FormFieldName = "__RequestVerificationToken";
            o.HeaderName = "X-CSRF-TOKEN";
        });

        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture(FrenchCulture.Info);
            o.SupportedCultures = [FrenchCulture.Info];
            o.SupportedUICultures = [FrenchCulture.Info];
            o.RequestCultureProviders.Clear();
        });

        ValidatorOptions.Global.LanguageManager.Culture = FrenchCulture.Info;
        services.AddValidatorsFromAssemblyContaining<Program>(ServiceLifetime.Scoped);
        // French text is written as is in pages, not as numeric character references.
        services.AddWebEncoders(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddProblemDetails();
        return services;
    }
}
