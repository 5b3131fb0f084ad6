namespace Coaching.Web.Features.Users;

public static class UsersServices
{
    public static IServiceCollection AddUsers(this IServiceCollection services) =>
        services.AddScoped<InvitationSender>();
}
