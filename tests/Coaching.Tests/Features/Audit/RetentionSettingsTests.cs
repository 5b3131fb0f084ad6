using Coaching.Web.Features.Audit;
using Coaching.Web.Features.Privacy;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Coaching.Tests.Support;

namespace Coaching.Tests.Features.Audit;

public sealed class RetentionSettingsTests
{
    [Theory]
    [InlineData(5)]
    [InlineData(13)]
    public async Task A_retention_outside_six_to_twelve_months_stops_the_start(int months)
    {
        await using var app = new CoachingAppFactory { ConfigureServices = s => s.Configure<AuditOptions>(o => o.RetentionMonths = months) };
        var error = await Assert.ThrowsAsync<OptionsValidationException>(app.InitializeAsync);
        Assert.Contains($"Audit:RetentionMonths is {months}", error.Message);
        Assert.Contains("between 6 and 12", error.Message);
    }

    [Theory]
    [InlineData(6, true)]
    [InlineData(12, true)]
    [InlineData(0, false)]
    public void Retention_values(int months, bool valid) =>
        Assert.Equal(valid, new AuditOptionsValidator().Validate(null, new AuditOptions { RetentionMonths = months }).Succeeded);

    [Fact]
    public void Anonymisation_delay_outside_one_to_thirty_years_is_refused()
    {
        Assert.False(new PrivacyOptionsValidator().Validate(null, new PrivacyOptions { AnonymiseClosedAfterYears = 0 }).Succeeded);
        Assert.True(new PrivacyOptionsValidator().Validate(null, new PrivacyOptions()).Succeeded);
        Assert.Equal(12, new AuditOptions().RetentionMonths);
    }
}
