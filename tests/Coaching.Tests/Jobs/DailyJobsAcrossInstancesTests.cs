using System.Collections.Concurrent;
using System.Diagnostics;
using Coaching.Core.Time;
using Coaching.Web.Email;
using Coaching.Web.Jobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Coaching.Tests.Hosting;
using Coaching.Tests.Support;

namespace Coaching.Tests.Jobs;

public sealed class DailyJobsAcrossInstancesTests
{
    [Fact]
    public async Task Two_instances_on_one_database_do_each_daily_run_once()
    {
        // 05:00 in Paris today: the trust jobs run at start-up, the reminders (07:00) not yet.
        var parisFive = DateTime.SpecifyKind(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, ParisTime.Zone).Date.AddHours(5), DateTimeKind.Unspecified);
        var clock = new FakeTimeProvider(new DateTimeOffset(parisFive, ParisTime.Zone.GetUtcOffset(parisFive)));
        var decisions = new DecisionLog();
        var mailA = new CountingEmailSender();
        var mailB = new CountingEmailSender();

        await using var first = new CoachingAppFactory { Clock = clock, ConfigureServices = s => Configure(s, decisions, "A", mailA) };
        await first.InitializeAsync();
        await using var second = new SecondInstanceFactory(first) { Clock = clock, ConfigureServices = s => Configure(s, decisions, "B", mailB) };
        await second.InitializeAsync();

        await decisions.WaitForAsync(DailyTrustJobs.JobName, 2);
        Assert.Equal(1, decisions.Runs(DailyTrustJobs.JobName));

        clock.Advance(TimeSpan.FromHours(3)); // 08:00: reminders
        await decisions.WaitForAsync(FollowUpReminderService.JobName, 2);
        Assert.Equal(1, decisions.Runs(FollowUpReminderService.JobName));
        // The decision is logged before the job runs: the e-mails follow.
        var waited = Stopwatch.StartNew();
        while (mailA.Count + mailB.Count == 0)
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(20), "no reminder e-mail was sent");
            await Task.Delay(50);
        }
        Assert.True(mailA.Count == 0 || mailB.Count == 0, $"both instances sent reminders ({mailA.Count} and {mailB.Count})");

        clock.Advance(TimeSpan.FromDays(1)); // the next day: each job once more
        await decisions.WaitForAsync(DailyTrustJobs.JobName, 4);
        await decisions.WaitForAsync(FollowUpReminderService.JobName, 4);
        Assert.Equal(2, decisions.Runs(DailyTrustJobs.JobName));
        Assert.Equal(2, decisions.Runs(FollowUpReminderService.JobName));
    }

    private static void Configure(IServiceCollection services, DecisionLog decisions, string instance, CountingEmailSender mail)
    {
        services.AddSingleton<ILoggerProvider>(new DecisionLogProvider(decisions, instance));
        services.Configure<SmtpOptions>(o => o.Host = "smtp.example.test");
        services.RemoveAll<IEmailSender>();
        services.AddSingleton<IEmailSender>(mail);
    }

    private sealed class CountingEmailSender : IEmailSender
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public Task SendAsync(string to, string subject, string textBody, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _count);
            return Task.CompletedTask;
        }
    }

    /// <summary>The run-or-skip decisions that <see cref="DailyJobGate"/> logs, per job.</summary>
    private sealed class DecisionLog
    {
        private readonly ConcurrentQueue<(string Job, string Instance, bool Ran)> _decisions = new();

        public void Add(string job, string instance, bool ran) => _decisions.Enqueue((job, instance, ran));

        public int Runs(string job) => _decisions.Count(d => d.Job == job && d.Ran);

        public async Task WaitForAsync(string job, int count)
        {
            var waited = Stopwatch.StartNew();
            while (_decisions.Count(d => d.Job == job) < count)
            {
                Assert.True(waited.Elapsed < TimeSpan.FromSeconds(20), $"{job}: {_decisions.Count(d => d.Job == job)} decisions, {count} expected");
                await Task.Delay(50);
            }
            await Task.Delay(300); // a decision too many would show now
            Assert.Equal(count, _decisions.Count(d => d.Job == job));
        }
    }

    private sealed class DecisionLogProvider(DecisionLog decisions, string instance) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => categoryName == typeof(DailyJobGate).FullName ? new Logger(decisions, instance) : NullLogger;

        public void Dispose()
        {
        }

        private static readonly ILogger NullLogger = Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

        private sealed class Logger(DecisionLog decisions, string instance) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel == LogLevel.Information;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (state is not IReadOnlyList<KeyValuePair<string, object?>> values) return;
                var job = values.FirstOrDefault(v => v.Key == "Job").Value as string;
                if (job is null) return;
                decisions.Add(job, instance, !formatter(state, exception).Contains("skipped", StringComparison.Ordinal));
            }
        }
    }
}
