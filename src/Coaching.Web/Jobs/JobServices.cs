namespace Coaching.Web.Jobs;

public static class JobServices
{
    /// <summary>The daily background jobs (follow-up reminders, audit purge and anonymisation) and the lease that runs each once a day across instances.</summary>
    public static IServiceCollection AddCoachingJobs(this IServiceCollection services) => services
        .AddScoped<JobLease>()
        .AddScoped<FollowUpReminderJob>()
        .AddHostedService<FollowUpReminderService>()
        .AddHostedService<DailyTrustJobs>();
}
