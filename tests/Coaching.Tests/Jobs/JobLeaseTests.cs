using Coaching.Core.Data;
using Coaching.Web.Hosting;
using Coaching.Web.Jobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Coaching.Tests.Support;

namespace Coaching.Tests.Jobs;

[Collection(AppCollection.Name)]
public sealed class JobLeaseTests(CoachingAppFactory app)
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 6, 0, 0, TimeSpan.Zero));
    private readonly string _job = "test-" + Guid.NewGuid().ToString("N");

    [Fact]
    public async Task Only_one_of_two_instances_gets_a_free_lease()
    {
        var results = await Task.WhenAll(TryAcquire("a"), TryAcquire("b"));

        Assert.Single(results, taken => taken);
    }

    [Fact]
    public async Task The_holder_renews_its_lease_and_the_other_instance_waits_for_it_to_expire()
    {
        Assert.True(await TryAcquire("a"));
        _clock.Advance(TimeSpan.FromMinutes(50));
        Assert.True(await TryAcquire("a")); // renewed: valid until 50 + 60 minutes
        Assert.False(await TryAcquire("b"));

        _clock.Advance(TimeSpan.FromMinutes(59));
        Assert.False(await TryAcquire("b"));
        _clock.Advance(TimeSpan.FromMinutes(1));
        Assert.True(await TryAcquire("b"));
        Assert.False(await TryAcquire("a"));
    }

    [Fact]
    public void A_daily_lease_ends_shortly_before_the_next_run()
    {
        var at0800Paris = new DateTimeOffset(2026, 3, 2, 7, 0, 0, TimeSpan.Zero);

        Assert.Equal(TimeSpan.FromHours(23) - TimeSpan.FromMinutes(5), JobLease.DailyRunDuration(at0800Paris, hour: 7));
        Assert.Equal(TimeSpan.FromMinutes(1), JobLease.DailyRunDuration(at0800Paris.AddMinutes(-62), hour: 7));
    }

    private async Task<bool> TryAcquire(string instance)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var lease = new JobLease(scope.ServiceProvider.GetRequiredService<CoachingDbContext>(), new InstanceId(instance), _clock);
        return await lease.TryAcquireAsync(_job, TimeSpan.FromHours(1));
    }
}
