using Coaching.Core.Data;
using Coaching.Core.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Coaching.Web.French;

namespace Coaching.Web.Hosting;

public static class IdentityServices
{
    public const string InvitationTokenProvider = "Invitation";
    public const string InvitationPurpose = "AcceptInvitation";

    public static IServiceCollection AddCoachingIdentity(this IServiceCollection services)
    {
        services.AddIdentity<AppUser, IdentityRole>(options =>
            {
                options.Password.RequiredLength = 12;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireDigit = false;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(5);
                options.Lockout.AllowedForNewUsers = true;
                options.User.RequireUniqueEmail = true;
                options.SignIn.RequireConfirmedAccount = false;
                options.Tokens.ProviderMap[InvitationTokenProvider] =
                    new TokenProviderDescriptor(typeof(InvitationTokenProvider<AppUser>));
                options.Tokens.ProviderMap[SingleUseAuthenticatorTokenProvider.Name] =
                    new TokenProviderDescriptor(typeof(SingleUseAuthenticatorTokenProvider));
                options.Tokens.AuthenticatorTokenProvider = SingleUseAuthenticatorTokenProvider.Name;
            })
            .AddUserManager<CoachingUserManager>()
            .AddEntityFrameworkStores<CoachingDbContext>()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<FrenchIdentityErrorDescriber>()
            .AddClaimsPrincipalFactory<CoachingClaimsFactory>();

        services.AddTransient<InvitationTokenProvider<AppUser>>();
        services.AddTransient<SingleUseAuthenticatorTokenProvider>();
        services.Configure<InvitationTokenProviderOptions>(o =>
        {
            o.Name = InvitationTokenProvider;
            o.TokenLifespan = TimeSpan.FromDays(7);
        });
        services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = TimeSpan.FromHours(2));
        // Sessions are kept in the database (DatabaseTicketStore), which refuses at once a session whose account got
        // a new security stamp; the validator still reloads the claims (name, departments…) every 5 minutes.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(5));

        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.LoginPath = "/connexion";
            cookie.LogoutPath = "/deconnexion";
            cookie.Cookie.Name = "Coaching.Auth";
            cookie.Cookie.HttpOnly = true;
            // ExpireTimeSpan: Sessions:Lifetime (DatabaseTicketStore.cs).
            cookie.SlidingExpiration = true;
            // A signed-in person without the right gets a real 403 (the French error page), not a redirect.
            cookie.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });
        return services;
    }
}

/// <summary>Invitation links stay valid a week, longer than password-reset links; both die once a password is set.</summary>
public sealed class InvitationTokenProviderOptions : DataProtectionTokenProviderOptions;

public sealed class InvitationTokenProvider<TUser>(
    Microsoft.AspNetCore.DataProtection.IDataProtectionProvider dataProtectionProvider,
    IOptions<InvitationTokenProviderOptions> options,
    ILogger<DataProtectorTokenProvider<TUser>> logger)
    : DataProtectorTokenProvider<TUser>(dataProtectionProvider, options, logger)
    where TUser : class;
