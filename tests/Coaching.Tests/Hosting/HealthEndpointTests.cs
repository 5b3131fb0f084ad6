using System.Net;
using Microsoft.EntityFrameworkCore;
using Coaching.Tests.Support;

namespace Coaching.Tests.Hosting;

public sealed class HealthEndpointTests
{
    [Fact]
    public async Task Liveness_and_readiness_answer_200_on_a_migrated_database()
    {
        await using var app = new CoachingAppFactory();
        await app.InitializeAsync();
        using var client = app.CreateBrowserClient();

        foreach (var path in new[] { "/health", "/health/ready", "/health/live" })
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(path)).StatusCode);
    }

    [Fact]
    public async Task Readiness_answers_503_while_a_migration_is_missing_and_liveness_still_200()
    {
        await using var app = new CoachingAppFactory();
        await app.InitializeAsync();
        using var client = app.CreateBrowserClient();

        // As if the database were one version behind this build (the last migration of either provider).
        Assert.Equal(1, await app.QueryAsync(db => db.Database.ExecuteSqlRawAsync(
            "DELETE FROM \"__EFMigrationsHistory\" WHERE \"MigrationId\" = (SELECT MAX(\"MigrationId\") FROM \"__EFMigrationsHistory\")")));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/health/ready")).StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/health")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
    }
}
