namespace Coaching.Web.Features.Account;

public static class AccountServices
{
    /// <summary>Sign-in: an unknown, deactivated or locked account costs a password hash too (no enumeration by time).</summary>
    public static IServiceCollection AddAccount(this IServiceCollection services) => services
        .AddSingleton<DecoyPasswordHash>()
        .AddScoped<DecoyPasswordCheck>();
}
