using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Coaching.Core.Identity;
using Coaching.Web.Features.Diagnostics;
using Coaching.Web.Infrastructure.Email;
using FluentValidation;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Razor;

namespace Coaching.Web.Infrastructure;

public static class Policies
{
    public const string Staff = nameof(Staff);
    public const string ClubManagement = nameof(ClubManagement);
    public const string Admin = nameof(Admin);
    public const string Merchant = nameof(Merchant);
}

public static class WebServices
{
    public static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    public static IServiceCollection AddCoachingWeb(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<SmtpOptions>(configuration.GetSection(SmtpOptions.Section));
        services.AddSingleton<IEmailSender, MailKitEmailSender>();
        services.AddSingleton<ClubProfiles>();
        services.AddScoped<Features.Merchants.StaffDirectory>();
        services.AddScoped<Features.Shared.CaseFileAccess>();
        services.AddScoped<Features.Merchants.MerchantWrites>();
        services.AddScoped<Features.Caseloads.CaseloadTransfer>();
        services.AddScoped<Features.Users.InvitationSender>();
        services.AddScoped<Features.Import.MerchantImporter>();
        services.AddScoped<Features.Import.PendingImports>();
        services.AddDiagnostics();

        services.Configure<FollowUpOptions>(configuration.GetSection(FollowUpOptions.Section));
        services.AddScoped<Features.Portfolio.FollowUpQuery>();
        services.AddScoped<Features.Plans.PlanEditor>();
        services.AddScoped<Features.Sessions.SessionEditor>();
        services.AddScoped<Features.Roadmaps.RoadmapSource>();
        services.AddScoped<Features.Roadmaps.RoadmapIssuer>();
        services.AddScoped<Features.MySpace.MerchantPlanUpdates>();
        services.AddScoped<FollowUpReminderJob>();
        services.AddHostedService<FollowUpReminderService>();

        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Staff, p => p.RequireRole(Roles.Admin, Roles.ClubManager, Roles.Advisor))
            .AddPolicy(Policies.ClubManagement, p => p.RequireRole(Roles.Admin, Roles.ClubManager))
            .AddPolicy(Policies.Admin, p => p.RequireRole(Roles.Admin))
            .AddPolicy(Policies.Merchant, p => p.RequireRole(Roles.Merchant));

        services.AddControllersWithViews(mvc =>
            {
                mvc.Filters.Add(new AutoValidateAntiforgeryTokenAttribute());
                mvc.Conventions.Add(new Trust.RouteIdsFromRouteOnly());
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
            o.DefaultRequestCulture = new RequestCulture(French);
            o.SupportedCultures = [French];
            o.SupportedUICultures = [French];
            o.RequestCultureProviders.Clear();
        });

        ValidatorOptions.Global.LanguageManager.Culture = French;
        services.AddValidatorsFromAssemblyContaining<Program>(ServiceLifetime.Scoped);
        // French text is written as is in pages, not as numeric character references.
        services.AddWebEncoders(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddProblemDetails();
        return services;
    }
}
