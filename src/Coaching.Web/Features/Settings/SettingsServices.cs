namespace Coaching.Web.Features.Settings;

public static class SettingsServices
{
    public static IServiceCollection AddSettings(this IServiceCollection services) =>
        services.AddSingleton<ClubProfiles>();
}
