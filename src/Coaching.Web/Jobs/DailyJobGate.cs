using Coaching.Web.Hosting;

namespace Coaching.Web.Jobs;

/// <summary>Decides, through a <see cref="JobLease"/>, whether this instance does today's run of a daily job.</summary>
public static class DailyJobGate
{
    public static async Task<bool> TryTakeTodaysRunAsync(IServiceProvider services, string jobName, int hour, CancellationToken cancellationToken)
    {
        var clock = services.GetRequiredService<TimeProvider>();
        var lease = services.GetRequiredService<JobLease>();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DailyJobGate));
        if (await lease.TryAcquireAsync(jobName, JobLease.DailyRunDuration(clock.GetUtcNow(), hour), cancellationToken))
        {
            logger.LogInformation("Daily job {Job} runs on this instance ({Instance})", jobName, services.GetRequiredService<InstanceId>());
            return true;
        }
        logger.LogInformation("Daily job {Job} skipped: another instance holds its lease", jobName);
        return false;
    }
}
